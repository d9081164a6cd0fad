import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningModule } from '@magix/catalogue';
import { Organisation } from '@magix/organisations';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';

/** Badge images of modules and logos of HEIs: `GET /badges/modules/:code`, `GET /badges/issuers/:organisationId`. */
@Module({
  imports: [TypeOrmModule.forFeature([LearningModule, Organisation])],
  controllers: [BadgesController],
  providers: [BadgesService],
  exports: [BadgesService],
})
export class BadgesModule {}
