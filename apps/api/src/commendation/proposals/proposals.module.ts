import { Module } from '@nestjs/common';
import { AwardFormsModule } from '../award-forms/award-forms.module';
import { NominationsModule } from '../nominations/nominations.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** Proposal lists: one request proposes several nominees of the proposer's subtree, each
 * becoming a nomination on its own chain. */
@Module({
  imports: [AwardFormsModule, NominationsModule],
  controllers: [ProposalsController],
  providers: [ProposalsService],
})
export class ProposalsModule {}
