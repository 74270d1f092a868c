import { Module } from '@nestjs/common';
import { AwardFormsModule } from './award-forms/award-forms.module';
import { AwardHistoryModule } from './award-history/award-history.module';
import { AwardsModule } from './awards/awards.module';
import { DecisionsModule } from './decisions/decisions.module';
import { NominationsModule } from './nominations/nominations.module';
import { ProposalsModule } from './proposals/proposals.module';
import { PublicObjectionsModule } from './public-objections/public-objections.module';
import { RecognitionReportsModule } from './reports/recognition-reports.module';

/** Nominations up their approval chains, award forms, decisions, certificates, award history and
 * recognition reports: one module per capability. */
@Module({
  imports: [
    NominationsModule,
    AwardFormsModule,
    DecisionsModule,
    AwardsModule,
    AwardHistoryModule,
    RecognitionReportsModule,
    ProposalsModule,
    PublicObjectionsModule,
  ],
})
export class CommendationModule {}
