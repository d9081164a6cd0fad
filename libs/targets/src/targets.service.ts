import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@magix/common';
import { Programme, TargetMetric } from '@magix/programme';
import { cumulative, projectLinear } from './projection';
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
import { ConsortiumTarget, CountTarget, MonthlyTargetPoint, ProgrammeTargets, SectorMismatch, TargetBreakdown } from './targets.types';

interface Counts {
  participants: number;
  self_standing: number;
  public: number;
}
interface GroupRow extends Counts {
  key: string;
  label: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * The programme's targets, computed live with SQL aggregates over the reporting views (see the
 * honest-targets migration and docs/targets.md for each definition), never by loading rows into
 * the server.
 */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programmeTargets(editionId: string | null): Promise<ProgrammeTargets> {
    const programme = await this.dataSource.getRepository(Programme).findOne({ where: {}, order: { startsOn: 'ASC' } });
    if (!programme) throw notFound('Programme');
    if (editionId && !(await this.dataSource.query<unknown[]>('SELECT 1 FROM edition WHERE id = $1', [editionId])).length)
      throw notFound('Edition');
    const targetRows = await this.dataSource.query<Array<{ metric: TargetMetric; value: number }>>(
      'SELECT metric, target_value::float8 AS value FROM programme_target WHERE programme_id = $1 AND edition_id IS NULL',
      [programme.id],
    );
    const target = (metric: TargetMetric) => targetRows.find((t) => t.metric === metric)?.value ?? 0;
    const q = <T>(sql: string) => this.dataSource.query<T[]>(sql, editionId ? [editionId] : []);
    const scope = scopeSql(editionId !== null);

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
      this.dataSource.query<Array<{ organisations: number; countries: number; codes: string[] }>>(MEMBERS_SQL),
      q<SectorMismatch>(mismatchesSql(scope)),
    ]);

    const graduatesOf = (dimension: string, key: string) =>
      graduatesBy.find((g) => g.dimension === dimension && g.key === key)?.graduates ?? 0;
    const breakdown = (rows: GroupRow[], graduates: (key: string) => number): TargetBreakdown[] =>
      rows.map((r) => ({
        key: r.key,
        label: r.label,
        participants: r.participants,
        selfStandingParticipants: r.self_standing,
        publicParticipants: r.public,
        publicSharePercent: percent(r.public, r.participants),
        graduates: graduates(r.key),
      }));
    const largestFirst = (dimension: string) =>
      byCountrySector
        .filter((r) => r.dimension === dimension)
        .sort((a, b) => b.participants - a.participants || a.key.localeCompare(b.key));

    const startMonth = programme.startsOn.slice(0, 7);
    const endMonth = programme.endsOn.slice(0, 7);
    const nowMonth = new Date().toISOString().slice(0, 7);
    const lastMonth = nowMonth < endMonth ? nowMonth : endMonth;
    const series = (pick: (m: Counts) => number) =>
      cumulative(startMonth, lastMonth, new Map(monthlyPeople.map((m) => [m.month, pick(m)])));
    const selfStandingSeries = series((m) => m.self_standing);
    const allSeries = series((m) => m.participants);
    const publicSeries = series((m) => m.public);
    const graduatesSeries = cumulative(startMonth, lastMonth, new Map(monthlyGraduates.map((m) => [m.month, m.graduates])));
    const monthly: MonthlyTargetPoint[] = selfStandingSeries.map((p, i) => ({
      month: p.month,
      participants: p.value,
      allParticipants: allSeries[i].value,
      graduates: graduatesSeries[i].value,
      publicSharePercent: percent(publicSeries[i].value, allSeries[i].value),
    }));

    const countTarget = (goal: number, actual: number, points: typeof selfStandingSeries): CountTarget => {
      const projected = projectLinear(startMonth, points, endMonth);
      return { target: goal, actual, percentOfTarget: percent(actual, goal), projected, onTrack: (projected ?? actual) >= goal };
    };
    const consortium = (goal: number, actual: number): ConsortiumTarget => ({
      target: goal,
      actual,
      percentOfTarget: percent(actual, goal),
      reached: actual >= goal,
    });
    const { participants, self_standing: selfStanding, public: publicParticipants, mismatched } = totals[0];
    const shareTarget = target(TargetMetric.PUBLIC_SECTOR_SHARE);
    return {
      editionId,
      asOf: new Date(),
      projectionTo: programme.endsOn,
      graduates: countTarget(target(TargetMetric.GRADUATES), graduatesOf('total', 'total'), graduatesSeries),
      moduleParticipants: countTarget(target(TargetMetric.MODULE_PARTICIPANTS), selfStanding, selfStandingSeries),
      publicSectorShare: {
        target: shareTarget,
        actual: percent(publicParticipants, participants),
        publicParticipants,
        participants,
        mismatchedSectors: mismatched,
        onTrack: percent(publicParticipants, participants) >= shareTarget,
      },
      memberOrganisations: consortium(target(TargetMetric.MEMBER_ORGANISATIONS), members[0].organisations),
      memberCountries: consortium(target(TargetMetric.MEMBER_COUNTRIES), members[0].countries),
      memberCountryCodes: members[0].codes,
      sectorMismatches: mismatches,
      byEdition: breakdown(byEdition, (key) => graduatesOf('edition', key)),
      byCountry: breakdown(largestFirst('country'), (key) => graduatesOf('country', key)),
      byPartner: breakdown(byPartner, (key) => partnerGraduates.find((g) => g.key === key)?.graduates ?? 0),
      bySector: breakdown(largestFirst('sector'), (key) => graduatesOf('sector', key)),
      monthly,
    };
  }
}
