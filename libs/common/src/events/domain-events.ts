import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The events features raise, by name, with their payload. Each lib adds its own events by
 * augmenting this interface next to the code that emits them:
 *
 *   declare module '@magix/common' {
 *     interface DomainEventMap { 'credential.revoked': { credentialId: string; reason: string } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

/** Runs inside the emitting transaction: what it writes commits or rolls back with the cause. */
export type DomainEventHandler<K extends DomainEventName> = (manager: EntityManager, event: DomainEventMap[K]) => Promise<void>;

/**
 * The one path for side effects of a change (STYLE.md): the feature that changes something emits
 * a typed event with the transaction's manager; the features that react subscribe at start-up.
 * Handlers run in subscription order, inside the transaction, so a failing handler undoes the
 * whole change and a retry of the change never runs a side effect twice. Work that must happen
 * outside the transaction (mail, long jobs) is written to the outbox or a pg-boss job by the
 * handler, in the same transaction.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<DomainEventName, Array<DomainEventHandler<never>>>();

  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler);
    this.handlers.set(name, list);
  }

  async emit<K extends DomainEventName>(manager: EntityManager, name: K, event: DomainEventMap[K]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) this.logger.warn(`${String(name)} emitted outside a transaction`);
    for (const handler of this.handlers.get(name) ?? []) await (handler as DomainEventHandler<K>)(manager, event);
  }
}
