import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PlacesService } from './places.service';

const EVERY_MINUTE = 60_000;

/** Passes expired offers on to the reserve list every minute, in whichever server process runs it. */
@Injectable()
export class OfferExpiryScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Offers');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly places: PlacesService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.places.processExpiredOffers().catch((error: unknown) => this.logger.warn(`Expiring offers failed: ${String(error)}`));
    }, EVERY_MINUTE);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
