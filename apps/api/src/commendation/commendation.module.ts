import { Module } from '@nestjs/common';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsService } from './award-forms.service';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { NominationSubmissionService } from './nomination-submission.service';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';
import { RecognitionReportService } from './recognition-report.service';

/** Nominations up their approval chains, decisions, certificates and award history. */
@Module({
  controllers: [NominationsController, DecisionsController, AwardsController, AwardFormsController],
  providers: [
    AwardFormsService,
    NominationSubmissionService,
    NominationsService,
    DecisionsService,
    AwardsService,
    RecognitionReportService,
  ],
})
export class CommendationModule {}
