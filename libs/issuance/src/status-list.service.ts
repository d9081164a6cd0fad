import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { notFound } from '@magix/common';
import {
  buildStatusListCredential,
  signCredential,
  STATUS_LIST_SIZE,
  STATUS_PURPOSES,
  StatusEntry,
  statusEntry,
  StatusListResolver,
  StatusPurpose,
} from '@magix/credentials';
import { IssuerIdentityService } from '@magix/organisations';
import { StatusList, StatusListSet } from './status-list.entities';

export interface StatusAllocation {
  setId: string;
  index: number;
  entries: StatusEntry[];
}

export interface SignedStatusList {
  document: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A random pick that collides this often means the set is nearly full: start a new one.
const MAX_ATTEMPTS = 24;

/**
 * Bitstring Status Lists: random, never reused positions (herd privacy), allocated by inserting
 * into a primary key so that any number of server processes can share the database; lists signed
 * lazily, once per change, when someone reads them.
 */
@Injectable()
export class StatusListService implements StatusListResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  listUrl(listId: string): string {
    return `${this.config.publicUrl}/status-lists/${listId}`;
  }

  async allocate(manager: EntityManager, organisationId: string): Promise<StatusAllocation> {
    let set = await this.currentSet(manager, organisationId);
    for (let attempt = 0; ; attempt++) {
      if (attempt === MAX_ATTEMPTS) set = await this.createSet(manager, organisationId);
      const index = randomInt(set.size);
      const taken = await manager.query<unknown[]>(
        'INSERT INTO status_allocation (set_id, index) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING index',
        [set.id, index],
      );
      if (taken.length === 1) {
        const lists = await manager.findBy(StatusList, { setId: set.id });
        const entries = STATUS_PURPOSES.map((purpose) =>
          statusEntry(this.listUrl(lists.find((l) => l.purpose === purpose)!.id), purpose, index),
        );
        return { setId: set.id, index, entries };
      }
    }
  }

  /** Sets or clears one credential's bit; the list is re-signed on its next read. */
  async setBit(manager: EntityManager, setId: string, purpose: StatusPurpose, index: number, value: boolean): Promise<void> {
    // PostgreSQL numbers bits from the least significant of each byte; the spec from the most.
    const pgBit = (index & ~7) | (7 - (index & 7));
    await manager.query('UPDATE status_list SET bits = set_bit(bits, $1, $2), version = version + 1 WHERE set_id = $3 AND purpose = $4', [
      pgBit,
      value ? 1 : 0,
      setId,
      purpose,
    ]);
  }

  async signed(listId: string): Promise<SignedStatusList> {
    const list = UUID.test(listId)
      ? await this.dataSource
          .createQueryBuilder(StatusList, 'l')
          .addSelect(['l.bits', 'l.signedDocument'])
          .where('l.id = :listId', { listId })
          .getOne()
      : null;
    if (!list) throw notFound('Status list');
    if (list.signedVersion === list.version && list.signedDocument) return { document: list.signedDocument, version: list.version };
    const set = await this.dataSource.getRepository(StatusListSet).findOneByOrFail({ id: list.setId });
    const { key } = await this.identities.signingIdentity(this.dataSource.manager, set.organisationId);
    const url = this.listUrl(list.id);
    const credential = buildStatusListCredential({
      url,
      issuerDid: key.did,
      purpose: list.purpose,
      bits: list.bits,
      validFrom: new Date(),
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

  /** For verification: our own lists are read from the database; any other URL is unknown (no network). */
  async resolve(url: string): Promise<unknown> {
    const prefix = `${this.config.publicUrl}/status-lists/`;
    if (!url.startsWith(prefix)) return null;
    const { document } = await this.signed(url.slice(prefix.length));
    return JSON.parse(document) as unknown;
  }

  private async currentSet(manager: EntityManager, organisationId: string): Promise<StatusListSet> {
    const latest = await manager.findOne(StatusListSet, { where: { organisationId }, order: { createdAt: 'DESC' } });
    return latest ?? this.createSet(manager, organisationId);
  }

  private async createSet(manager: EntityManager, organisationId: string): Promise<StatusListSet> {
    const set = manager.create(StatusListSet, { organisationId, size: STATUS_LIST_SIZE });
    await manager.insert(StatusListSet, set);
    const empty = Buffer.alloc(STATUS_LIST_SIZE / 8);
    await manager.insert(
      StatusList,
      STATUS_PURPOSES.map((purpose) => ({ setId: set.id, purpose, bits: empty, version: 1 })),
    );
    return set;
  }
}
