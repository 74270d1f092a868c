import { Module } from '@nestjs/common';
import { CycleRunsModule } from '../cycle-runs/cycle-runs.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [CycleRunsModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
