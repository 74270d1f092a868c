import { Module } from '@nestjs/common';
import { RecognitionReportExportService } from './recognition-report-export.service';
import { RecognitionReportService } from './recognition-report.service';
import { RecognitionReportsController } from './recognition-reports.controller';

/** Statistics of awards and recognitions, with their workbook and PDF exports. */
@Module({
  controllers: [RecognitionReportsController],
  providers: [RecognitionReportService, RecognitionReportExportService],
})
export class RecognitionReportsModule {}
