import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { SigningRoundsController } from './signing-rounds.controller';
import { SigningRoundDocumentsService } from './signing-round-documents.service';
import { SigningRoundsService } from './signing-rounds.service';

@Module({
  imports: [CyclesModule],
  controllers: [SigningRoundsController],
  providers: [SigningRoundsService, SigningRoundDocumentsService],
})
export class SigningRoundsModule {}
