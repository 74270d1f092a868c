import { Module } from '@nestjs/common';
import { AwardFormsModule } from '../award-forms/award-forms.module';
import { CouncilVoteReadService } from './council-vote-read.service';
import { ApprovalChainResolver } from './approval-chain.resolver';
import { DossierService } from './dossier.service';
import { NominationActionsService } from './nomination-actions.service';
import { NominationSubmissionService } from './nomination-submission.service';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';
import { NomineeResolver } from './nominee.resolver';

/** Nominations: submission, reads, actions on their approval chain and dossier revisions. */
@Module({
  imports: [AwardFormsModule],
  controllers: [NominationsController],
  providers: [
    NominationSubmissionService,
    NomineeResolver,
    ApprovalChainResolver,
    NominationsService,
    NominationActionsService,
    DossierService,
    CouncilVoteReadService,
  ],
  // Proposal lists submit each of their entries as a nomination.
  exports: [NominationSubmissionService],
})
export class NominationsModule {}
