import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, Roles } from '@magix/auth';
import { Page, PageArgs, pageOf, Paginated } from '@magix/common';
import { AuditEntry } from '../audit-entry.entity';
import { AuditEntryView, AuditLogFilter } from './audit-log-entry.type';

const AuditEntryPage = Paginated(AuditEntryView);

/** The programme office reads the append-only audit log, newest first; nobody else does. */
@Resolver(() => AuditEntryView)
export class AuditLogResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEntryPage, { description: 'The audit log, newest first. The programme office only' })
  async auditLog(@Args() filter: AuditLogFilter, @Args() page: PageArgs): Promise<Page<AuditEntryView>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .skip(page.offset)
      .take(page.limit);
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    const [entries, total] = await query.getManyAndCount();
    const emails = await this.emailsOf(entries.map((entry) => entry.actorUserId).filter((id): id is string => id !== null));
    const items = entries.map((entry) => ({ ...entry, actorEmail: entry.actorUserId ? (emails.get(entry.actorUserId) ?? null) : null }));
    return pageOf([items, total], page);
  }

  private async emailsOf(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; email: string }> = await this.dataSource.query('SELECT id, email FROM app_user WHERE id = ANY($1)', [
      [...new Set(userIds)],
    ]);
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
