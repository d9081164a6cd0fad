import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuanceModule } from '@magix/issuance';
import { PathwaysModule } from '@magix/pathways';
import { AssessmentResult } from './assessment-result.entity';
import { GradingScale } from './grading/grading-scale.entity';
import { ResultsResolver } from './results.resolver';
import { ResultsService } from './results.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentResult, GradingScale]), IssuanceModule, PathwaysModule],
  providers: [ResultsService, ResultsResolver],
  exports: [ResultsService],
})
export class ResultsModule {}
