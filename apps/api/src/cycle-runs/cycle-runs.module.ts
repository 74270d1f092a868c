import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { CycleContextService } from './cycle-context.service';
import { CycleRunsController } from './cycle-runs.controller';
import { CycleRunsService } from './cycle-runs.service';

@Module({
  imports: [CyclesModule],
  controllers: [CycleRunsController],
  providers: [CycleRunsService, CycleContextService],
  exports: [CycleContextService],
})
export class CycleRunsModule {}
