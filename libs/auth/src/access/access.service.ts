import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { notFound } from '@magix/common';
import { Principal } from '../role';
import { ACCESS_RULES, accessParameters, RowCondition } from './access-rules';
import { Permission } from './permission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessRequest {
  principal: Principal;
  permission: Permission;
  ids: Iterable<string>;
  /** The transaction to ask in, when the caller holds one (so locked rows are seen as it sees them). */
  manager?: EntityManager;
}

/**
 * The one place that answers "may this principal do X to these rows": one SQL query per
 * permission for a whole set of ids, after immich's requireAccess. Row-level rules live in
 * access-rules.ts; role-level ones stay on the resolvers (@Roles, FORBIDDEN).
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private conditionFor(principal: Principal, permission: Permission): RowCondition {
    return ACCESS_RULES[permission].byRole[principal.role] ?? 'NONE';
  }

  /** The ids, of those asked, that the principal may act on. Ids that are not UUIDs are never allowed. */
  async check({ principal, permission, ids, manager }: AccessRequest): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Set();
    const condition = this.conditionFor(principal, permission);
    if (condition === 'NONE') return new Set();
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .select('acc_t.id', 'id')
      .from(ACCESS_RULES[permission].table, 'acc_t')
      .where('acc_t.id IN (:...accessIds)', { accessIds: wanted });
    if (condition !== 'ALL') query.andWhere(condition('acc_t'), accessParameters(principal));
    const rows = await query.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Throws NOT_FOUND unless every id is one the principal may act on: a row that is someone else's
   * answers exactly like one that does not exist, so ids cannot be probed.
   */
  async require(request: AccessRequest & { what: string }): Promise<void> {
    const asked = new Set(request.ids);
    const allowed = await this.check(request);
    if (allowed.size !== asked.size) throw notFound(request.what);
  }

  /** Narrows a list to the rows the principal may see, by the same rule as `check`. */
  scope<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal, permission: Permission) {
    const condition = this.conditionFor(principal, permission);
    if (condition === 'NONE') return query.andWhere('1 = 0');
    if (condition === 'ALL') return query;
    return query.andWhere(condition(alias), accessParameters(principal));
  }
}
