import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@magix/common';
import { Programme, ProgrammeTarget, TargetMetric } from '@magix/programme';
import { cumulative, projectLinear } from './projection';
import { CountTarget, MonthlyTargetPoint, ProgrammeTargets, TargetBreakdown } from './targets.types';

interface GroupRow {
  key: string;
  label: string;
  participants: number;
  public: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * The programme's targets, computed live with SQL aggregates over the participation counters the
 * database keeps as enrolments arrive (see the pathways-and-targets migration), never by loading
 * rows into the server.
 */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programmeTargets(editionId: string | null): Promise<ProgrammeTargets> {
    const programme = await this.dataSource.getRepository(Programme).findOne({ where: {}, order: { startsOn: 'ASC' } });
    if (!programme) throw notFound('Programme');
    if (editionId && !(await this.dataSource.query<unknown[]>('SELECT 1 FROM edition WHERE id = $1', [editionId])).length)
      throw notFound('Edition');
    const targets = new Map(
      (await this.dataSource.getRepository(ProgrammeTarget).findBy({ programmeId: programme.id })).map((t) => [t.metric, t.targetValue]),
    );
    const q = <T>(sql: string) => this.dataSource.query<T[]>(sql, editionId ? [editionId] : []);

    // Participant counters (kept by the database as enrolments arrive): overall, or one edition's.
    const people = editionId ? `scope = 'EDITION' AND edition_id = $1` : `scope = 'ALL'`;
    const partners = editionId ? `scope = 'EDITION_PROVIDER' AND edition_id = $1` : `scope = 'PROVIDER'`;
    const publicCount = `sum(participants) FILTER (WHERE sector = 'PUBLIC')`;
    // Valid joint degrees, with the learner's country and sector and the edition of their rules.
    const degrees = `(SELECT d.learner_id, d.awarded_at, r.edition_id, l.sector, l.country_code, d.id AS award_id
        FROM degree_award d JOIN credential c ON c.id = d.credential_id JOIN pathway_rules r ON r.id = d.pathway_rules_id JOIN learner l ON l.id = d.learner_id
       WHERE c.revoked_at IS NULL AND c.suspended_at IS NULL ${editionId ? 'AND r.edition_id = $1' : ''})`;

    const [totals, byCountrySector, byEdition, byPartner, monthlyPeople, graduatesBy, monthlyGraduates, partnerGraduates] =
      await Promise.all([
        q<{ participants: number; public: number }>(
          `SELECT coalesce(sum(participants), 0)::int AS participants, coalesce(${publicCount}, 0)::int AS public FROM participation_count WHERE ${people}`,
        ),
        q<GroupRow & { dimension: string }>(
          `SELECT CASE WHEN GROUPING(country_code) = 0 THEN 'country' ELSE 'sector' END AS dimension,
                coalesce(country_code, sector) AS key, coalesce(country_code, sector) AS label,
                sum(participants)::int AS participants, coalesce(${publicCount}, 0)::int AS public
           FROM participation_count WHERE ${people} GROUP BY GROUPING SETS ((country_code), (sector)) HAVING sum(participants) > 0`,
        ),
        q<GroupRow>(
          `SELECT e.id AS key, e.code AS label, coalesce(sum(c.participants), 0)::int AS participants, coalesce(sum(c.participants) FILTER (WHERE c.sector = 'PUBLIC'), 0)::int AS public
           FROM edition e LEFT JOIN participation_count c ON c.scope = 'EDITION' AND c.edition_id = e.id
          ${editionId ? 'WHERE e.id = $1' : ''} GROUP BY e.id, e.code, e.starts_on ORDER BY e.starts_on`,
        ),
        q<GroupRow>(
          `SELECT o.id AS key, o.short_name AS label, sum(c.participants)::int AS participants, coalesce(sum(c.participants) FILTER (WHERE c.sector = 'PUBLIC'), 0)::int AS public
           FROM participation_count c JOIN organisation o ON o.id = c.provider_id WHERE ${partners}
          GROUP BY o.id, o.short_name HAVING sum(c.participants) > 0 ORDER BY o.short_name`,
        ),
        q<{ month: string; participants: number; public: number }>(
          `SELECT to_char(month, 'YYYY-MM') AS month, sum(participants)::int AS participants, coalesce(${publicCount}, 0)::int AS public
           FROM participation_count WHERE ${people} GROUP BY month`,
        ),
        q<{ dimension: string; key: string; graduates: number }>(
          `SELECT CASE WHEN GROUPING(country_code) = 0 THEN 'country' WHEN GROUPING(sector) = 0 THEN 'sector' WHEN GROUPING(edition_id) = 0 THEN 'edition' ELSE 'total' END AS dimension,
                coalesce(country_code, sector, edition_id::text, 'total') AS key, count(*)::int AS graduates
           FROM ${degrees} g GROUP BY GROUPING SETS ((), (country_code), (sector), (edition_id))`,
        ),
        q<{ month: string; graduates: number }>(
          `SELECT to_char(awarded_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS graduates FROM ${degrees} g GROUP BY 1`,
        ),
        q<{ key: string; graduates: number }>(
          `SELECT c.issuer_organisation_id AS key, count(DISTINCT g.award_id)::int AS graduates
           FROM ${degrees} g JOIN degree_award_source s ON s.degree_award_id = g.award_id JOIN credential c ON c.id = s.credential_id GROUP BY 1`,
        ),
      ]);

    const graduatesOf = (dimension: string, key: string) =>
      graduatesBy.find((g) => g.dimension === dimension && g.key === key)?.graduates ?? 0;
    const breakdown = (rows: GroupRow[], graduates: (key: string) => number): TargetBreakdown[] =>
      rows.map((r) => ({
        key: r.key,
        label: r.label,
        participants: r.participants,
        publicParticipants: r.public,
        publicSharePercent: percent(r.public, r.participants),
        graduates: graduates(r.key),
      }));

    const startMonth = programme.startsOn.slice(0, 7);
    const endMonth = programme.endsOn.slice(0, 7);
    const nowMonth = new Date().toISOString().slice(0, 7);
    const lastMonth = nowMonth < endMonth ? nowMonth : endMonth;
    const participantsSeries = cumulative(startMonth, lastMonth, new Map(monthlyPeople.map((m) => [m.month, m.participants])));
    const publicSeries = cumulative(startMonth, lastMonth, new Map(monthlyPeople.map((m) => [m.month, m.public])));
    const graduatesSeries = cumulative(startMonth, lastMonth, new Map(monthlyGraduates.map((m) => [m.month, m.graduates])));
    const monthly: MonthlyTargetPoint[] = participantsSeries.map((p, i) => ({
      month: p.month,
      participants: p.value,
      graduates: graduatesSeries[i].value,
      publicSharePercent: percent(publicSeries[i].value, p.value),
    }));

    const countTarget = (target: number, actual: number, series: typeof participantsSeries): CountTarget => {
      const projected = projectLinear(startMonth, series, endMonth);
      return { target, actual, percentOfTarget: percent(actual, target), projected, onTrack: (projected ?? actual) >= target };
    };
    const { participants, public: publicParticipants } = totals[0];
    const shareTarget = targets.get(TargetMetric.PUBLIC_SECTOR_SHARE) ?? 0;
    return {
      editionId,
      asOf: new Date(),
      projectionTo: programme.endsOn,
      graduates: countTarget(targets.get(TargetMetric.GRADUATES) ?? 0, graduatesOf('total', 'total'), graduatesSeries),
      moduleParticipants: countTarget(targets.get(TargetMetric.MODULE_PARTICIPANTS) ?? 0, participants, participantsSeries),
      publicSectorShare: {
        target: shareTarget,
        actual: percent(publicParticipants, participants),
        publicParticipants,
        participants,
        onTrack: percent(publicParticipants, participants) >= shareTarget,
      },
      byEdition: breakdown(byEdition, (key) => graduatesOf('edition', key)),
      byCountry: breakdown(
        byCountrySector.filter((r) => r.dimension === 'country').sort((a, b) => b.participants - a.participants),
        (key) => graduatesOf('country', key),
      ),
      byPartner: breakdown(byPartner, (key) => partnerGraduates.find((g) => g.key === key)?.graduates ?? 0),
      bySector: breakdown(
        byCountrySector.filter((r) => r.dimension === 'sector').sort((a, b) => b.participants - a.participants),
        (key) => graduatesOf('sector', key),
      ),
      monthly,
    };
  }
}
