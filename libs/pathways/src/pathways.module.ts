import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuanceModule } from '@magix/issuance';
import { LearnersModule } from '@magix/learners';
import { OrganisationsModule } from '@magix/organisations';
import { DegreeService } from './degree.service';
import { DegreeAward, DegreeAwardSource, Notification, PathwayRulesVersion, Recognition } from './pathway.entities';
import { PathwayProgressService } from './pathway-progress.service';
import { PathwayRulesService } from './pathway-rules.service';
import { DegreesResolver, PathwaysResolver } from './pathways.resolver';
import { RecognitionService } from './recognition.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PathwayRulesVersion, DegreeAward, DegreeAwardSource, Recognition, Notification]),
    IssuanceModule,
    LearnersModule,
    OrganisationsModule,
  ],
  providers: [PathwayRulesService, PathwayProgressService, DegreeService, RecognitionService, PathwaysResolver, DegreesResolver],
  exports: [PathwayRulesService, PathwayProgressService, DegreeService, RecognitionService],
})
export class PathwaysModule {}
