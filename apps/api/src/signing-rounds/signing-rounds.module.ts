import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { SigningRoundsController } from './signing-rounds.controller';
import { SignedCopySignaturesService } from './signed-copy-signatures.service';
import { SigningRoundDocumentsService } from './signing-round-documents.service';
import { SigningRoundsService } from './signing-rounds.service';

@Module({
  imports: [CyclesModule],
  controllers: [SigningRoundsController],
  providers: [SigningRoundsService, SigningRoundDocumentsService, SignedCopySignaturesService],
})
export class SigningRoundsModule {}
