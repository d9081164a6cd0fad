import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { OutboxMessage } from './admission.entities';

const DELIVERY_INTERVAL_MS = 15_000;

/**
 * Notifications go into the outbox in the same transaction as the decision that causes them, and
 * are delivered afterwards: by SMTP when SMTP_URL is set, otherwise into DATA_DIR/mailbox as .eml
 * files. Nothing is lost while mail is down: undelivered messages are retried.
 */
@Injectable()
export class OutboxService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly smtp: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.smtp = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.deliver(), DELIVERY_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async enqueue(manager: EntityManager, recipient: string, subject: string, body: string): Promise<void> {
    await manager.insert(OutboxMessage, { recipient, subject, body });
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
              { sentAt: new Date(), attempts: message.attempts + 1, lastError: null },
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
