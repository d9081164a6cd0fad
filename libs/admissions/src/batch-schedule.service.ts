import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Role, User } from '@magix/auth';
import { dateOf, notFound } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { daily, PeriodicJobs } from '@magix/jobs';
import { Programme } from '@magix/programme';
import { Application, ApplicationStatus, ReviewBatch } from './admission.entities';
import { batchPeriodAt, BatchPeriod } from './batch-schedule';
import { batchOpenedLetter, batchReminderLetter, Letter, signedByPlatform } from './letters';
import { OutboxService } from './outbox.service';
import { PlacesService } from './places.service';
import { ReviewBatchesService } from './review-batches.service';

/** The programme office's zone (UPM, Madrid): the commission's letters write dates in it. */
export const OFFICE_TIME_ZONE = 'Europe/Madrid';

export interface ScheduleRun {
  period: BatchPeriod;
  /** The batch this run opened, if it opened one. */
  openedBatchId: string | null;
  /** Whether this run reminded the commission. */
  reminded: boolean;
}

/**
 * Degree review batches every REVIEW_BATCH_INTERVAL_DAYS (14) days from REVIEW_BATCH_ANCHOR: once
 * a period, if no batch is open, a batch opens with every degree application submitted since the
 * last cut-off and the commission (the programme office's accounts) is told; from
 * REVIEW_BATCH_REMINDER_DAYS before the period's last day, an open batch with undecided
 * applications is reminded once. Run daily as a pg-boss job (`admissions.review-batch-schedule`).
 */
@Injectable()
export class BatchScheduleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly batches: ReviewBatchesService,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
    private readonly periodic: PeriodicJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // Daily is enough for a two-week calendar; a run is idempotent within its period.
    await this.periodic.every('admissions.review-batch-schedule', daily(6), (now) => this.runDueBatchSchedule(now));
  }

  /**
   * What is due at `now`: the period's batch, the reminder. Idempotent: running it again in the
   * same period opens no second batch and sends no second reminder (the programme row is locked,
   * and a unique index holds one scheduled batch per period).
   */
  async runDueBatchSchedule(now: Date): Promise<ScheduleRun> {
    const period = batchPeriodAt(now, {
      anchor: this.config.reviewBatchAnchor,
      intervalDays: this.config.reviewBatchIntervalDays,
      reminderDays: this.config.reviewBatchReminderDays,
    });
    return this.dataSource.transaction(async (manager) => {
      const programme = await manager.findOne(Programme, { where: {}, order: { startsOn: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw notFound('Programme');
      let open = await manager.findOneBy(ReviewBatch, { programmeId: programme.id, closedAt: IsNull() });
      let openedBatchId: string | null = null;
      if (!open && !(await manager.existsBy(ReviewBatch, { programmeId: programme.id, periodStartsOn: period.startsOn }))) {
        const waiting = await manager.countBy(Application, {
          programmeId: programme.id,
          status: ApplicationStatus.SUBMITTED,
          batchId: IsNull(),
        });
        if (waiting > 0) {
          const opened = await this.batches.openLocked(manager, { programmeId: programme.id }, null, period);
          open = opened.batch;
          openedBatchId = opened.batch.id;
          await this.tellCommission(
            manager,
            batchOpenedLetter(this.places.links, { applications: opened.applications, periodEndsOn: period.endsOn }, OFFICE_TIME_ZONE),
          );
        }
      }
      let reminded = false;
      const today = dateOf(now);
      if (open && today >= period.remindFrom && open.remindedForPeriod !== period.startsOn) {
        const undecided = await manager.countBy(Application, { batchId: open.id, status: ApplicationStatus.SUBMITTED });
        if (undecided > 0) {
          await manager.update(ReviewBatch, { id: open.id }, { remindedForPeriod: period.startsOn });
          await this.tellCommission(
            manager,
            batchReminderLetter(this.places.links, { undecided, periodEndsOn: period.endsOn }, OFFICE_TIME_ZONE),
          );
          reminded = true;
        }
      }
      return { period, openedBatchId, reminded };
    });
  }

  /** The academic commission reviews degree applications through the programme office's accounts. */
  private async tellCommission(manager: EntityManager, letter: Letter): Promise<void> {
    const office = await manager.find(User, { where: { role: Role.ADMIN, disabledAt: IsNull() }, order: { email: 'ASC' } });
    const { subject, body } = signedByPlatform(letter);
    for (const member of office) await this.outbox.enqueue(manager, member.email, subject, body);
  }
}
