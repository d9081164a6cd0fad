import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVERY_MINUTE, PeriodicJobs } from '@magix/jobs';
import { PlacesService } from './places.service';

/**
 * Passes expired offers on to the reserve list every minute: a pg-boss periodic job, run once a
 * minute by one of the server processes, as of the Clock's now.
 */
@Injectable()
export class OfferExpiryScheduler implements OnModuleInit {
  constructor(
    private readonly periodic: PeriodicJobs,
    private readonly places: PlacesService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.periodic.every('admissions.offer-expiry', EVERY_MINUTE, (now) => this.places.processExpiredOffers(now));
  }
}
