import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { DecisionDocumentsService } from './decision-documents.service';
import { DecisionDraftingService } from './decision-drafting.service';
import { DecisionIssuingService } from './decision-issuing.service';
import { DecisionReaderService } from './decision-reader.service';
import { DecisionsController } from './decisions.controller';

/** Commendation decisions: drafting, issuing (the decision workflow), reading, documents. */
@Module({
  imports: [AwardsModule],
  controllers: [DecisionsController],
  providers: [
    DecisionReaderService,
    DecisionDraftingService,
    DecisionIssuingService,
    DecisionDocumentsService,
  ],
})
export class DecisionsModule {}
