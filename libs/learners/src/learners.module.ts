import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Learner } from './learner.entity';
import { LearnersResolver } from './learners.resolver';
import { LearnersService } from './learners.service';

@Module({
  imports: [TypeOrmModule.forFeature([Learner])],
  providers: [LearnersService, LearnersResolver],
  exports: [LearnersService],
})
export class LearnersModule {}
