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

  /** Delivers what is pending; several server processes can run this at once (SKIP LOCKED). */
  async deliver(limit = 100): Promise<number> {
    let delivered = 0;
    await this.dataSource
      .transaction(async (manager) => {
        const pending = await manager
          .createQueryBuilder(OutboxMessage, 'm')
          .where('m.sentAt IS NULL AND m.attempts < 10')
          .orderBy('m.id')
          .limit(limit)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const message of pending) {
          try {
            await this.send(message);
            await manager.update(
              OutboxMessage,
              { id: message.id },
              { sentAt: this.clock.now(), attempts: message.attempts + 1, lastError: null },
            );
            delivered++;
          } catch (error) {
            await manager.update(
              OutboxMessage,
              { id: message.id },
              { attempts: message.attempts + 1, lastError: error instanceof Error ? error.message : String(error) },
            );
          }
        }
      })
      .catch((error: unknown) => this.logger.warn(`Delivery round failed: ${String(error)}`));
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
