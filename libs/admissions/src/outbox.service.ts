import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { EVERY_MINUTE, JobsService, PeriodicJobs } from '@magix/jobs';
import { OutboxMessage } from './admission.entities';

/** Sent with each message, in its transaction: a worker delivers seconds after the commit. */
const DELIVER_NOW = 'admissions.outbox.deliver';
/** What is still undelivered (mail was down) is retried once a minute. */
const RETRY_ROUND = 'admissions.outbox';

/**
 * Notifications go into the outbox in the same transaction as the decision that causes them, and
 * are delivered afterwards: by SMTP when SMTP_URL is set, otherwise into DATA_DIR/mailbox as .eml
 * files. Nothing is lost while mail is down: undelivered messages are retried. Delivery runs as
 * pg-boss jobs (docs/jobs.md), in whichever server process takes them, never on a timer.
 */
@Injectable()
export class OutboxService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly smtp: Transporter | null;
  /** Whether this process delivers when its jobs say so; off once it shuts down. */
  private delivering = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly periodic: PeriodicJobs,
    private readonly clock: Clock,
  ) {
    this.smtp = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  async onModuleInit(): Promise<void> {
    // Many "deliver now" jobs, one round: the round takes whatever is pending.
    await this.jobs.workBatch(DELIVER_NOW, 100, () => this.deliverAutomatically(), { pollingIntervalSeconds: 1 });
    await this.periodic.every(RETRY_ROUND, EVERY_MINUTE, () => this.deliverAutomatically());
  }

  /** Stops this process's automatic delivery (at shutdown; a test that drives delivery itself calls it too). */
  onApplicationShutdown(): void {
    this.delivering = false;
  }

  async enqueue(manager: EntityManager, recipient: string, subject: string, body: string): Promise<void> {
    await manager.insert(OutboxMessage, { recipient, subject, body });
    // In the same transaction: no job for a message that was rolled back, none seen before the commit.
    await this.jobs.send(DELIVER_NOW, {}, { manager, retryLimit: 0 });
  }

  private async deliverAutomatically(): Promise<void> {
    if (this.delivering) await this.deliver();
  }

  /**
   * Delivers what is pending, one message per transaction: a message is marked sent as soon as it
   * is, so a failure later in the round (or a crash) never sends the earlier ones again. Several
   * server processes can run this at once: each takes a message the others have not locked.
   */
  async deliver(limit = 100): Promise<number> {
    let delivered = 0;
    const tried: string[] = [];
    for (let round = 0; round < limit; round++) {
      const triedBefore = tried.length;
      const outcome = await this.dataSource
        .transaction(async (manager) => {
          const query = manager
            .createQueryBuilder(OutboxMessage, 'm')
            .where('m.sentAt IS NULL AND m.attempts < 10')
            .orderBy('m.id')
            .limit(1)
            .setLock('pessimistic_write')
            .setOnLocked('skip_locked');
          // A message that failed in this round waits for the next one.
          if (tried.length > 0) query.andWhere('m.id NOT IN (:...tried)', { tried });
          const message = await query.getOne();
          if (!message) return null;
          tried.push(message.id);
          try {
            await this.send(message);
          } catch (error) {
            const lastError = error instanceof Error ? error.message : String(error);
            await manager.update(OutboxMessage, { id: message.id }, { attempts: message.attempts + 1, lastError });
            return 'failed';
          }
          await manager.update(
            OutboxMessage,
            { id: message.id },
            { sentAt: this.clock.now(), attempts: message.attempts + 1, lastError: null },
          );
          return 'sent';
        })
        .catch((error: unknown) => {
          this.logger.warn(`Delivery failed: ${error instanceof Error ? error.message : String(error)}`);
          // Past one message: go on with the others; before taking any (the database): next round.
          return tried.length > triedBefore ? ('failed' as const) : null;
        });
      if (outcome === null) break;
      if (outcome === 'sent') delivered++;
    }
    return delivered;
  }

  private async send(message: OutboxMessage): Promise<void> {
    if (this.smtp) {
      await this.smtp.sendMail({ from: this.config.mailFrom, to: message.recipient, subject: message.subject, text: message.body });
      return;
    }
    const mailbox = join(this.config.dataDir, 'mailbox');
    mkdirSync(mailbox, { recursive: true });
    const eml = [
      `From: ${this.config.mailFrom}`,
      `To: ${message.recipient}`,
      `Subject: ${message.subject}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      message.body,
      '',
    ].join('\r\n');
    writeFileSync(join(mailbox, `${String(message.id).padStart(8, '0')}.eml`), eml);
  }
}
