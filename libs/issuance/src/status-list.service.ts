import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { Clock, notFound } from '@magix/common';
import {
  buildStatusListCredential,
  CredentialState,
  FIRST_MESSAGE_INDEX,
  MESSAGE_LIST_ENTRIES,
  messageListBits,
  MessageStatusEntry,
  messageStatusEntry,
  signCredential,
  STATUS_SIZE,
  StatusListResolver,
} from '@magix/credentials';
import { IssuerIdentityService } from '@magix/organisations';
import { StatusList, StatusListSet } from './status-list.entities';

export interface StatusAllocation {
  setId: string;
  index: number;
  entry: MessageStatusEntry;
}

export interface SignedStatusList {
  document: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A random pick that collides this often means the set is nearly full: start a new one.
const MAX_ATTEMPTS = 24;
const MAX_PARSED_LISTS = 200;

/**
 * Bitstring Status Lists: random, never reused positions (herd privacy), allocated by inserting
 * into a primary key so that any number of server processes can share the database; lists signed
 * lazily, once per change, when someone reads them. New credentials get one two-bit message
 * entry; the two one-bit lists of older credentials are still kept and changed.
 */
/** The id of a deployment's own status list at `url` (the inverse of StatusListService.listUrl), or null. */
export function statusListIdOf(publicUrl: string, url: string): string | null {
  const prefix = `${publicUrl}/status-lists/`;
  return url.startsWith(prefix) ? url.slice(prefix.length) : null;
}

@Injectable()
export class StatusListService implements StatusListResolver {
  /** Parsed signed documents by list id, with the version they were signed at (documentAt). */
  private readonly parsed = new Map<string, { version: number; document: unknown }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  listUrl(listId: string): string {
    return `${this.config.publicUrl}/status-lists/${listId}`;
  }

  /** The inverse of listUrl: the id of our list at `url`, or null for any other URL. */
  listIdOf(url: string): string | null {
    return statusListIdOf(this.config.publicUrl, url);
  }

  async allocate(manager: EntityManager, organisationId: string): Promise<StatusAllocation> {
    return (await this.allocateMany(manager, organisationId, 1))[0];
  }

  /**
   * `count` distinct positions, in as few statements as the collisions allow (usually one): random
   * picks inserted together, those already taken left out and drawn again.
   */
  async allocateMany(manager: EntityManager, organisationId: string, count: number): Promise<StatusAllocation[]> {
    const allocations: StatusAllocation[] = [];
    if (count === 0) return allocations;
    let set = await this.currentSet(manager, organisationId);
    let listUrl = await this.messageListUrl(manager, set.id);
    const picked = new Set<number>();
    for (let attempt = 0; allocations.length < count; attempt++) {
      if (attempt === MAX_ATTEMPTS) {
        set = await this.createSet(manager, organisationId);
        listUrl = await this.messageListUrl(manager, set.id);
        picked.clear();
      }
      const candidates = new Set<number>();
      const wanted = count - allocations.length;
      // Only the upper half: the lower half holds the bits that one-bit readers look at.
      for (let tries = 0; candidates.size < wanted && tries < 4 * wanted; tries++) {
        const index = FIRST_MESSAGE_INDEX + randomInt(set.size - FIRST_MESSAGE_INDEX);
        if (!picked.has(index)) candidates.add(index);
      }
      // In ascending order: concurrent batches then take their rows in one order and cannot deadlock.
      const indexes = [...candidates].sort((a, b) => a - b);
      indexes.forEach((index) => picked.add(index));
      const taken = await manager.query<Array<{ index: number }>>(
        'INSERT INTO status_allocation (set_id, index) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING RETURNING index',
        [set.id, indexes],
      );
      for (const { index } of taken) allocations.push({ setId: set.id, index, entry: messageStatusEntry(listUrl, index) });
    }
    return allocations;
  }

  /** Writes a credential's state into its set, in whichever form the set has; re-signed on next read. */
  async setState(manager: EntityManager, setId: string, index: number, state: CredentialState): Promise<void> {
    const set = await manager.findOneByOrFail(StatusListSet, { id: setId });
    const writes =
      set.statusSize === STATUS_SIZE
        ? messageListBits(index, state).map((w) => ({ purpose: 'message', ...w }))
        : [
            { purpose: 'revocation', position: index, value: state === CredentialState.REVOKED },
            { purpose: 'suspension', position: index, value: state === CredentialState.SUSPENDED },
          ];
    for (const { purpose, position, value } of writes) {
      // PostgreSQL numbers bits from the least significant of each byte; the spec from the most.
      const pgBit = (position & ~7) | (7 - (position & 7));
      await manager.query('UPDATE status_list SET bits = set_bit(bits, $1, $2), version = version + 1 WHERE set_id = $3 AND purpose = $4', [
        pgBit,
        value ? 1 : 0,
        setId,
        purpose,
      ]);
    }
  }

  async signed(listId: string): Promise<SignedStatusList> {
    if (!UUID.test(listId)) throw notFound('Status list');
    // The 16 KB of bits are read only to re-sign: a list is read far more often than it changes.
    const current = await this.dataSource
      .createQueryBuilder(StatusList, 'l')
      .addSelect('l.signedDocument')
      .where('l.id = :listId', { listId })
      .getOne();
    if (!current) throw notFound('Status list');
    if (current.signedVersion === current.version && current.signedDocument)
      return { document: current.signedDocument, version: current.version };
    const list = await this.dataSource
      .createQueryBuilder(StatusList, 'l')
      .addSelect('l.bits')
      .where('l.id = :listId', { listId })
      .getOneOrFail();
    const set = await this.dataSource.getRepository(StatusListSet).findOneByOrFail({ id: list.setId });
    const { key } = await this.identities.signingIdentity(this.dataSource.manager, set.organisationId);
    const url = this.listUrl(list.id);
    const credential = buildStatusListCredential({
      url,
      issuerDid: key.did,
      purpose: list.purpose,
      bits: list.bits,
      validFrom: this.clock.now(),
    });
    const document = JSON.stringify(await signCredential(credential, key));
    // Keep it only if nothing changed meanwhile; otherwise the next read signs the newer bits.
    await this.dataSource.query('UPDATE status_list SET signed_document = $1, signed_version = $2 WHERE id = $3 AND version = $2', [
      document,
      list.version,
      list.id,
    ]);
    return { document, version: list.version };
  }

  /**
   * A list's signed document, parsed, at the version a verification has just read
   * (verification-snapshot.ts); null: no such list. Kept per list while its version stays: a
   * document signed at a version holds that version's bits, so any change (a revocation, in any
   * process) is a new version, and the next verification signs or reads anew.
   */
  async documentAt(listId: string, at: { version: number; signedVersion: number | null } | null): Promise<unknown> {
    if (!at) throw notFound('Status list');
    const kept = this.parsed.get(listId);
    if (kept && kept.version === at.version) return kept.document;
    const { document, version } = await this.signed(listId);
    const parsed = JSON.parse(document) as unknown;
    if (this.parsed.size >= MAX_PARSED_LISTS) this.parsed.delete(this.parsed.keys().next().value as string);
    this.parsed.set(listId, { version, document: parsed });
    return parsed;
  }

  /** For verification: our own lists are read from the database; any other URL is unknown (no network). */
  async resolve(url: string): Promise<unknown> {
    const listId = this.listIdOf(url);
    if (listId === null) return null;
    const { document } = await this.signed(listId);
    return JSON.parse(document) as unknown;
  }

  private async messageListUrl(manager: EntityManager, setId: string): Promise<string> {
    const list = await manager.findOneByOrFail(StatusList, { setId, purpose: 'message' });
    return this.listUrl(list.id);
  }

  private async currentSet(manager: EntityManager, organisationId: string): Promise<StatusListSet> {
    const latest = await manager.findOne(StatusListSet, {
      where: { organisationId, statusSize: STATUS_SIZE },
      order: { createdAt: 'DESC' },
    });
    return latest ?? this.createSet(manager, organisationId);
  }

  private async createSet(manager: EntityManager, organisationId: string): Promise<StatusListSet> {
    const set = manager.create(StatusListSet, { organisationId, size: MESSAGE_LIST_ENTRIES, statusSize: STATUS_SIZE });
    await manager.insert(StatusListSet, set);
    const bits = Buffer.alloc((MESSAGE_LIST_ENTRIES * STATUS_SIZE) / 8);
    await manager.insert(StatusList, { setId: set.id, purpose: 'message', bits, version: 1 });
    return set;
  }
}
