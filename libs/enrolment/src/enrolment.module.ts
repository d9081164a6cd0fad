import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Enrolment } from './enrolment.entity';
import { EnrolmentResolver } from './enrolment.resolver';
import { EnrolmentService } from './enrolment.service';

@Module({
  imports: [TypeOrmModule.forFeature([Enrolment])],
  providers: [EnrolmentService, EnrolmentResolver],
  exports: [EnrolmentService],
})
export class EnrolmentModule {}
