import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuanceModule } from '@magix/issuance';
import { AssessmentResult } from './assessment-result.entity';
import { GradingScale } from './grading/grading-scale.entity';
import { ImportJob } from './import/import-job.entity';
import { ImportQueue } from './import/import-queue';
import { ResultsImportResolver } from './import/results-import.resolver';
import { ResultsImportService } from './import/results-import.service';
import { ResultCorrectionsResolver } from './corrections/result-corrections.resolver';
import { ResultCorrectionsService } from './corrections/result-corrections.service';
import { ResultsResolver } from './results.resolver';
import { ResultsService } from './results.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentResult, GradingScale, ImportJob]), IssuanceModule],
  providers: [
    ResultsService,
    ResultsResolver,
    ResultCorrectionsService,
    ResultCorrectionsResolver,
    ImportQueue,
    ResultsImportService,
    ResultsImportResolver,
  ],
  exports: [ResultsService, ResultCorrectionsService, ResultsImportService],
})
export class ResultsModule {}
