import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuanceModule } from '@magix/issuance';
import { LearnersModule } from '@magix/learners';
import { PresentationChallenges } from './presentation-challenges';
import { PresentationRequest } from './presentation-request.entity';
import { PresentationsResolver } from './presentations.resolver';
import { PresentationsService } from './presentations.service';

@Module({
  imports: [TypeOrmModule.forFeature([PresentationRequest]), IssuanceModule, LearnersModule],
  providers: [PresentationsService, PresentationsResolver, PresentationChallenges],
  exports: [PresentationsService, PresentationChallenges],
})
export class PresentationsModule {}
