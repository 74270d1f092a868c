import { Module } from '@nestjs/common';
import { CycleRunsModule } from '../cycle-runs/cycle-runs.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [CycleRunsModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService],
})
export class RegistrationsModule {}
