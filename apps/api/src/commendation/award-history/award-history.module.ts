import { Module } from '@nestjs/common';
import { AwardHistoryExportService } from './award-history-export.service';
import { AwardHistoryController } from './award-history.controller';
import { AwardHistoryService } from './award-history.service';
import { PastAwardsService } from './past-awards.service';

/** The award history: listing and exporting it, and entering awards from before the system. */
@Module({
  controllers: [AwardHistoryController],
  providers: [AwardHistoryService, AwardHistoryExportService, PastAwardsService],
})
export class AwardHistoryModule {}
