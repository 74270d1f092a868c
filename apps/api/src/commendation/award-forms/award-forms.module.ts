import { Module } from '@nestjs/common';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsService } from './award-forms.service';

/** Award forms (versioned data) and the deciding authorities. */
@Module({
  controllers: [AwardFormsController],
  providers: [AwardFormsService],
  exports: [AwardFormsService],
})
export class AwardFormsModule {}
