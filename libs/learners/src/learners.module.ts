import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HolderIdentityService } from './holder-identity.service';
import { HolderKey } from './holder-key.entity';
import { Learner } from './learner.entity';
import { LearnersResolver } from './learners.resolver';
import { LearnersService } from './learners.service';

@Module({
  imports: [TypeOrmModule.forFeature([Learner, HolderKey])],
  providers: [LearnersService, LearnersResolver, HolderIdentityService],
  exports: [LearnersService, HolderIdentityService],
})
export class LearnersModule {}
