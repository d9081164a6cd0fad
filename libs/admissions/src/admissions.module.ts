import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrolmentModule } from '@magix/enrolment';
import { Application, ApplicationDocument, OutboxMessage, ReviewBatch } from './admission.entities';
import { ApplicationDocumentsController } from './application-documents.controller';
import { EditionWindowResolver, OfferingWindowResolver } from './application-windows.resolver';
import { AdmissionsResolver } from './admissions.resolver';
import { ApplicationsService } from './applications.service';
import { BatchScheduleService } from './batch-schedule.service';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';
import { OutboxService } from './outbox.service';
import { PlacesService } from './places.service';
import { ReviewBatchesService } from './review-batches.service';
import { RevocationNoticeService } from './revocation-notice.service';
import { ReviewBatchListResolver } from './review-batch-list.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationDocument, ReviewBatch, OutboxMessage]), EnrolmentModule],
  controllers: [ApplicationDocumentsController],
  providers: [
    ApplicationsService,
    ReviewBatchesService,
    PlacesService,
    OutboxService,
    OfferExpiryScheduler,
    BatchScheduleService,
    RevocationNoticeService,
    AdmissionsResolver,
    ReviewBatchListResolver,
    OfferingWindowResolver,
    EditionWindowResolver,
  ],
  exports: [OutboxService, PlacesService, ApplicationsService, ReviewBatchesService, BatchScheduleService],
})
export class AdmissionsModule {}
