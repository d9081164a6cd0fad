import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, notFound } from '@magix/common';
import { Programme, TargetMetric } from '@magix/programme';
import { assembleTargets, Counts, GroupRow, TargetRows } from './targets.assemble';
import {
  COUNTER_COUNTRY_SECTOR_SQL,
  COUNTER_MISMATCHES_SQL,
  COUNTER_MONTHLY_GRADUATES_SQL,
  COUNTER_MONTHLY_PEOPLE_SQL,
  COUNTER_PARTNER_GRADUATES_SQL,
  COUNTER_PARTNER_SQL,
  COUNTER_TOTALS_SQL,
  counterEditionSql,
  counterGraduatesBySql,
  WHOLE_PROGRAMME,
} from './targets.counters';
import {
  countrySectorSql,
  editionSql,
  graduatesBySql,
  MEMBERS_SQL,
  mismatchesSql,
  monthlyGraduatesSql,
  monthlyPeopleSql,
  partnerGraduatesSql,
  partnerSql,
  scopeSql,
  totalsSql,
} from './targets.queries';
import { ProgrammeTargets, SectorMismatch } from './targets.types';

type Query = <T>(sql: string) => Promise<T[]>;

/**
 * The programme's targets (docs/targets.md for each definition). `programmeTargets` reads the
 * counters the database keeps in the same transaction as the facts (migration target-counters);
 * `programmeTargetsFromViews` aggregates the definitions' views at query time, the counters'
 * oracle: slow, for tests and for checking the counters after a `recount`.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** From the counters: a few hundred summary rows, in one snapshot. */
  programmeTargets(editionId: string | null): Promise<ProgrammeTargets> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = editionId ?? WHOLE_PROGRAMME;
      // Run one after the other: one connection, one snapshot. Each statement names $1 or none.
      const q: Query = (sql) => manager.query(sql, sql.includes('$1') ? [scope] : []);
      // Small reads: starting a parallel worker (~100 ms on a busy machine) costs more than it saves.
      await manager.query('SET LOCAL max_parallel_workers_per_gather = 0');
      return this.figures(manager, editionId, async () => ({
        totals: (await q<Counts & { mismatched: number }>(COUNTER_TOTALS_SQL))[0],
        byCountrySector: await q<GroupRow & { dimension: string }>(COUNTER_COUNTRY_SECTOR_SQL),
        byEdition: await q<GroupRow>(counterEditionSql(editionId !== null)),
        byPartner: await q<GroupRow>(COUNTER_PARTNER_SQL),
        monthlyPeople: await q<Counts & { month: string }>(COUNTER_MONTHLY_PEOPLE_SQL),
        graduatesBy: await q<{ dimension: string; key: string; graduates: number }>(counterGraduatesBySql(editionId !== null)),
        monthlyGraduates: await q<{ month: string; graduates: number }>(COUNTER_MONTHLY_GRADUATES_SQL),
        partnerGraduates: await q<{ key: string; graduates: number }>(COUNTER_PARTNER_GRADUATES_SQL),
        members: (await q<TargetRows['members']>(MEMBERS_SQL))[0],
        mismatches: await q<SectorMismatch>(COUNTER_MISMATCHES_SQL),
      }));
    });
  }

  /** The same figures aggregated from the views at query time (the definitions themselves). */
  programmeTargetsFromViews(editionId: string | null): Promise<ProgrammeTargets> {
    const manager = this.dataSource.manager;
    const q: Query = (sql) => manager.query(sql, editionId ? [editionId] : []);
    const scope = scopeSql(editionId !== null);
    return this.figures(manager, editionId, async () => {
      const [
        totals,
        byCountrySector,
        byEdition,
        byPartner,
        monthlyPeople,
        graduatesBy,
        monthlyGraduates,
        partnerGraduates,
        members,
        mismatches,
      ] = await Promise.all([
        q<Counts & { mismatched: number }>(totalsSql(scope)),
        q<GroupRow & { dimension: string }>(countrySectorSql(scope)),
        q<GroupRow>(editionSql(editionId !== null)),
        q<GroupRow>(partnerSql(scope)),
        q<Counts & { month: string }>(monthlyPeopleSql(scope)),
        q<{ dimension: string; key: string; graduates: number }>(graduatesBySql(scope)),
        q<{ month: string; graduates: number }>(monthlyGraduatesSql(scope)),
        q<{ key: string; graduates: number }>(partnerGraduatesSql(scope)),
        manager.query<Array<TargetRows['members']>>(MEMBERS_SQL),
        q<SectorMismatch>(mismatchesSql(scope)),
      ]);
      return {
        totals: totals[0],
        byCountrySector,
        byEdition,
        byPartner,
        monthlyPeople,
        graduatesBy,
        monthlyGraduates,
        partnerGraduates,
        members: members[0],
        mismatches,
      };
    });
  }

  /** Rebuilds every counter from the facts: after a bulk load with the triggers off, or a repair. */
  async recount(): Promise<void> {
    await this.dataSource.query('SELECT target_recount()');
  }

  private async figures(manager: EntityManager, editionId: string | null, read: () => Promise<TargetRows>): Promise<ProgrammeTargets> {
    const programme = await manager.getRepository(Programme).findOne({ where: {}, order: { startsOn: 'ASC' } });
    if (!programme) throw notFound('Programme');
    if (editionId && !(await manager.query<unknown[]>('SELECT 1 FROM edition WHERE id = $1', [editionId])).length)
      throw notFound('Edition');
    // An edition's figures stand against that edition's targets only; the whole programme's against its own.
    const goals = await manager.query<Array<{ metric: TargetMetric; value: number }>>(
      editionId
        ? 'SELECT metric, target_value::float8 AS value FROM programme_target WHERE edition_id = $1'
        : 'SELECT metric, target_value::float8 AS value FROM programme_target WHERE programme_id = $1 AND edition_id IS NULL',
      [editionId ?? programme.id],
    );
    const rows = await read();
    return assembleTargets(
      {
        editionId,
        startsOn: programme.startsOn,
        endsOn: programme.endsOn,
        goals: new Map(goals.map((g) => [g.metric, g.value])),
        now: this.clock.now(),
      },
      rows,
    );
  }
}
