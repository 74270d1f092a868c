import { Module } from '@nestjs/common';
import { CycleRunsModule } from '../cycle-runs/cycle-runs.module';
import { BallotsController } from './ballots.controller';
import { BallotsService } from './ballots.service';

@Module({
  imports: [CycleRunsModule],
  controllers: [BallotsController],
  providers: [BallotsService],
})
export class BallotsModule {}
