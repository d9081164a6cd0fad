import { TargetMetric } from '@magix/programme';
import { cumulative, projectLinear } from './projection';
import { ConsortiumTarget, CountTarget, MonthlyTargetPoint, ProgrammeTargets, SectorMismatch, TargetBreakdown } from './targets.types';

export interface Counts {
  participants: number;
  self_standing: number;
  public: number;
}
export interface GroupRow extends Counts {
  key: string;
  label: string;
}

/** What the figures are made of, read from the counters or, for checking them, from the views. */
export interface TargetRows {
  totals: Counts & { mismatched: number };
  byCountrySector: Array<GroupRow & { dimension: string }>;
  byEdition: GroupRow[];
  byPartner: GroupRow[];
  monthlyPeople: Array<Counts & { month: string }>;
  graduatesBy: Array<{ dimension: string; key: string; graduates: number }>;
  monthlyGraduates: Array<{ month: string; graduates: number }>;
  partnerGraduates: Array<{ key: string; graduates: number }>;
  members: { organisations: number; countries: number; codes: string[] };
  mismatches: SectorMismatch[];
}

export interface TargetScope {
  editionId: string | null;
  startsOn: string;
  endsOn: string;
  /** The target rows of the scope; a metric without one has no target set. */
  goals: Map<TargetMetric, number>;
  now: Date;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** The figures from their rows: pure, the same whichever source the rows come from. */
export function assembleTargets(scope: TargetScope, rows: TargetRows): ProgrammeTargets {
  const { graduatesBy, byCountrySector, monthlyPeople } = rows;
  const graduatesOf = (dimension: string, key: string) =>
    graduatesBy.find((g) => g.dimension === dimension && g.key === key)?.graduates ?? 0;
  const breakdown = (groups: GroupRow[], graduates: (key: string) => number): TargetBreakdown[] =>
    groups.map((r) => ({
      key: r.key,
      label: r.label,
      participants: r.participants,
      selfStandingParticipants: r.self_standing,
      publicParticipants: r.public,
      publicSharePercent: percent(r.public, r.participants),
      graduates: graduates(r.key),
    }));
  const largestFirst = (dimension: string) =>
    byCountrySector.filter((r) => r.dimension === dimension).sort((a, b) => b.participants - a.participants || a.key.localeCompare(b.key));

  const startMonth = scope.startsOn.slice(0, 7);
  const endMonth = scope.endsOn.slice(0, 7);
  const nowMonth = scope.now.toISOString().slice(0, 7);
  const lastMonth = nowMonth < endMonth ? nowMonth : endMonth;
  const series = (pick: (m: Counts) => number) => cumulative(startMonth, lastMonth, new Map(monthlyPeople.map((m) => [m.month, pick(m)])));
  const selfStandingSeries = series((m) => m.self_standing);
  const allSeries = series((m) => m.participants);
  const publicSeries = series((m) => m.public);
  const graduatesSeries = cumulative(startMonth, lastMonth, new Map(rows.monthlyGraduates.map((m) => [m.month, m.graduates])));
  const monthly: MonthlyTargetPoint[] = selfStandingSeries.map((p, i) => ({
    month: p.month,
    participants: p.value,
    allParticipants: allSeries[i].value,
    graduates: graduatesSeries[i].value,
    publicSharePercent: percent(publicSeries[i].value, allSeries[i].value),
  }));

  // No target row: target 0 with targetSet false, never on track nor reached (there is nothing to reach).
  const goal = (metric: TargetMetric) => scope.goals.get(metric) ?? null;
  const countTarget = (metric: TargetMetric, actual: number, points: typeof selfStandingSeries): CountTarget => {
    const target = goal(metric);
    const projected = projectLinear(startMonth, points, endMonth);
    return {
      target: target ?? 0,
      targetSet: target !== null,
      actual,
      percentOfTarget: percent(actual, target ?? 0),
      projected,
      onTrack: target !== null && (projected ?? actual) >= target,
    };
  };
  const consortium = (metric: TargetMetric, actual: number): ConsortiumTarget => {
    const target = goal(metric);
    return {
      target: target ?? 0,
      targetSet: target !== null,
      actual,
      percentOfTarget: percent(actual, target ?? 0),
      reached: target !== null && actual >= target,
    };
  };
  const { participants, self_standing: selfStanding, public: publicParticipants, mismatched } = rows.totals;
  const shareTarget = goal(TargetMetric.PUBLIC_SECTOR_SHARE);
  const share = percent(publicParticipants, participants);
  return {
    editionId: scope.editionId,
    asOf: scope.now,
    projectionTo: scope.endsOn,
    graduates: countTarget(TargetMetric.GRADUATES, graduatesOf('total', 'total'), graduatesSeries),
    moduleParticipants: countTarget(TargetMetric.MODULE_PARTICIPANTS, selfStanding, selfStandingSeries),
    publicSectorShare: {
      target: shareTarget ?? 0,
      targetSet: shareTarget !== null,
      actual: share,
      publicParticipants,
      participants,
      mismatchedSectors: mismatched,
      onTrack: shareTarget !== null && share >= shareTarget,
    },
    memberOrganisations: consortium(TargetMetric.MEMBER_ORGANISATIONS, rows.members.organisations),
    memberCountries: consortium(TargetMetric.MEMBER_COUNTRIES, rows.members.countries),
    memberCountryCodes: rows.members.codes,
    sectorMismatches: rows.mismatches,
    byEdition: breakdown(rows.byEdition, (key) => graduatesOf('edition', key)),
    byCountry: breakdown(largestFirst('country'), (key) => graduatesOf('country', key)),
    byPartner: breakdown(rows.byPartner, (key) => rows.partnerGraduates.find((g) => g.key === key)?.graduates ?? 0),
    bySector: breakdown(largestFirst('sector'), (key) => graduatesOf('sector', key)),
    monthly,
  };
}
