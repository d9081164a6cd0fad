import { PathwayRules } from './pathway-rules';
import { CodeChoices, ModuleOption, SearchProblem } from './stacking-search';
import { addMonths, chooseWindow, isWithin, TimeWindow } from './time-windows';

/** A valid module credential of the learner (revoked, suspended and expired ones never get here). */
export interface EarnedCredential {
  credentialId: string;
  moduleCode: string;
  ects: number;
  eqfLevel: number;
  providerId: string;
  /** ISO date the credit was earned (the assessment date). */
  earnedOn: string;
}

/** Credits staff granted for learning elsewhere. */
export interface RecognisedCredits {
  recognitionId: string;
  title: string;
  ects: number;
  groupName: string | null;
  decidedOn: string;
}

export type CountsAs = { kind: 'MANDATORY' } | { kind: 'GROUP'; group: string } | { kind: 'FREE' };

export interface CountedItem {
  id: string;
  title: string;
  ects: number;
  countsAs: CountsAs;
  source: 'MODULE' | 'RECOGNITION';
}

export interface NotCounted {
  id: string;
  title: string;
  reason: string;
  /** Set for a module credential that is no longer valid, which never takes part in the search. */
  code?: WithdrawnCode;
}

export type WithdrawnCode = 'REVOKED' | 'SUPERSEDED' | 'SUSPENDED' | 'EXPIRED';

/** A module credential of the learner that is no longer valid: listed as not counted, with why. */
export interface WithdrawnCredential {
  credentialId: string;
  moduleCode: string;
  code: WithdrawnCode;
  /**
   * The revocation or suspension reason, the replacement's id for a superseded one, the date
   * (YYYY-MM-DD) it expired on for an expired one.
   */
  detail: string | null;
}

const WITHDRAWN_REASON: Record<WithdrawnCode, (detail: string | null) => string> = {
  SUPERSEDED: (detail) => `superseded by credential ${detail} after a correction`,
  REVOKED: (detail) => `revoked (${detail ?? 'no reason given'})`,
  SUSPENDED: (detail) => `suspended (${detail ?? 'no reason given'})`,
  EXPIRED: (detail) => `expired on ${detail}`,
};

export interface GroupProgress {
  name: string;
  minEcts: number;
  countedEcts: number;
  missingEcts: number;
}

export interface PathwayProgress {
  eligible: boolean;
  /** Why the learner is not (yet) eligible; empty when eligible. */
  reasons: string[];
  requiredEcts: number;
  countedEcts: number;
  mandatory: Array<{ moduleCode: string; credentialId: string | null }>;
  groups: GroupProgress[];
  partners: { required: number; providerIds: string[] };
  recognition: { cap: number; approvedEcts: number; countedEcts: number };
  /** The chosen time window (docs/stacking.md): from the first counted credit; null when nothing counts. */
  timeLimit: { months: number; firstCreditOn: string | null; deadline: string | null; expired: boolean };
  counted: CountedItem[];
  notCounted: NotCounted[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export { addMonths };

/** Plain code-unit order: the same on every machine, whatever its locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on credentials, so that any input order gives the same result. */
const byCredential = (a: EarnedCredential, b: EarnedCredential) =>
  cmp(a.earnedOn, b.earnedOn) ||
  cmp(a.credentialId, b.credentialId) ||
  cmp(a.moduleCode, b.moduleCode) ||
  cmp(a.providerId, b.providerId) ||
  a.ects - b.ects ||
  a.eqfLevel - b.eqfLevel;
const byRecognition = (a: RecognisedCredits, b: RecognisedCredits) =>
  cmp(a.decidedOn, b.decidedOn) ||
  cmp(a.recognitionId, b.recognitionId) ||
  cmp(a.title, b.title) ||
  cmp(a.groupName ?? '', b.groupName ?? '') ||
  a.ects - b.ects;
const tenths = (ects: number) => Math.round(ects * 10);

const placeOf = (rules: PathwayRules, code: string): CountsAs => {
  if (rules.mandatoryModules.includes(code)) return { kind: 'MANDATORY' };
  const group = rules.electiveGroups.find((g) => g.moduleCodes.includes(code));
  return group ? { kind: 'GROUP', group: group.name } : { kind: 'FREE' };
};

/**
 * The search problem of each time window, from what is worked out once for all of them. Options
 * index `levelOk`; the problem's recognitions are those of `recognitions` within the window.
 */
function windowProblems(rules: PathwayRules, levelOk: EarnedCredential[], recognitions: RecognisedCredits[]) {
  const groupIndex = new Map(rules.electiveGroups.map((g, i) => [g.name, i]));
  // Per code (in code order), its credentials larger first: each window keeps, of each provider,
  // the first within it (a smaller credential from the same HEI never helps).
  const preferred = [...levelOk.keys()].sort((a, b) => levelOk[b].ects - levelOk[a].ects || a - b);
  const perCode = [...new Set(levelOk.map((c) => c.moduleCode))].sort(cmp).map((code) => {
    const place = placeOf(rules, code);
    return {
      code,
      group: place.kind === 'GROUP' ? (groupIndex.get(place.group) ?? -1) : -1,
      credentials: preferred.filter((i) => levelOk[i].moduleCode === code),
    };
  });
  const recognitionInputs = recognitions.map((r) => ({
    group: r.groupName ? (groupIndex.get(r.groupName) ?? -1) : -1,
    tenths: Math.max(0, tenths(r.ects)),
  }));
  const fixed = {
    totalTenths: tenths(rules.totalEcts),
    groupMinTenths: rules.electiveGroups.map((g) => tenths(g.minEcts)),
    minPartners: rules.minPartnerHeis,
    recognitionCapTenths: Math.max(0, tenths(rules.maxRecognitionEcts)),
  };
  return (window: TimeWindow): SearchProblem => {
    const codes: CodeChoices[] = [];
    for (const { code, group, credentials } of perCode) {
      const options: ModuleOption[] = [];
      for (const index of credentials) {
        const c = levelOk[index];
        if (isWithin(c.earnedOn, window) && !options.some((o) => o.providerId === c.providerId))
          options.push({ index, tenths: tenths(c.ects), providerId: c.providerId });
      }
      if (options.length > 0) codes.push({ code, group, options });
    }
    return {
      ...fixed,
      missingMandatory: rules.mandatoryModules.filter((code) => !codes.some((c) => c.code === code)).length,
      codes,
      recognitions: recognitionInputs.filter((_, i) => isWithin(recognitions[i].decidedOn, window)),
    };
  };
}

/**
 * Works out which credits count toward the degree, where, and whether the learner is eligible.
 * Each module code counts once; credits below the EQF level do not count, nor do those outside the
 * time window (the time limit from the first counted credit); recognition counts up to its cap.
 * The window, which credential represents a module passed at several HEIs, and where recognised
 * credits go are searched (stacking-search.ts): whenever some choice satisfies the rules, the
 * learner is eligible; otherwise the choice closest to eligibility is shown.
 */
export function evaluatePathway(
  rules: PathwayRules,
  earned: EarnedCredential[],
  recognised: RecognisedCredits[],
  today: string,
  withdrawn: WithdrawnCredential[] = [],
): PathwayProgress {
  const notCounted: NotCounted[] = [...withdrawn]
    .sort((a, b) => cmp(a.credentialId, b.credentialId))
    .map((w) => ({
      id: w.credentialId,
      title: w.moduleCode,
      code: w.code,
      reason: WITHDRAWN_REASON[w.code](w.detail),
    }));
  const byDate = [...earned].sort(byCredential);
  const recognitions = [...recognised].sort(byRecognition);
  const levelOk = byDate.filter((c) => c.eqfLevel >= rules.minEqfLevel);

  const best = chooseWindow(
    [...levelOk.map((c) => c.earnedOn), ...recognitions.map((r) => r.decidedOn)],
    rules.timeLimitMonths,
    windowProblems(rules, levelOk, recognitions),
  );
  const codes = best?.problem.codes ?? [];
  const chosen = best?.result.chosen ?? [];
  const modulesCounted = new Map<string, EarnedCredential>(chosen.map((o, i) => [codes[i].code, levelOk[o.index]]));
  const recognitionsInTime = best ? recognitions.filter((r) => isWithin(r.decidedOn, best.window)) : [];
  const recognitionAmounts = best?.result.recognitionTenths ?? [];
  // With nothing at level and no recognition counted (a cap of 0) no clock has started.
  const window = levelOk.length > 0 || recognitionAmounts.some((a) => a > 0) ? (best?.window ?? null) : null;
  const range = window ? `${window.start} to ${window.deadline}` : '';

  const counted: CountedItem[] = [];
  for (const credential of byDate) {
    const item = { id: credential.credentialId, title: credential.moduleCode };
    if (credential.eqfLevel < rules.minEqfLevel) {
      notCounted.push({ ...item, reason: `EQF level ${credential.eqfLevel} is below the required ${rules.minEqfLevel}` });
    } else if (window && credential.earnedOn < window.start) {
      notCounted.push({ ...item, reason: `earned before the time window that counts the most (${range})` });
    } else if (window && credential.earnedOn > window.deadline) {
      notCounted.push({ ...item, reason: `earned after the time limit (${window.deadline})` });
    } else if (modulesCounted.get(credential.moduleCode) !== credential) {
      notCounted.push({ ...item, reason: 'the same module already counts' });
    } else {
      counted.push({ ...item, ects: credential.ects, countsAs: placeOf(rules, credential.moduleCode), source: 'MODULE' });
    }
  }

  const approvedEcts = round(recognitions.reduce((total, r) => total + r.ects, 0));
  let recognitionTenths = 0;
  for (const recognition of recognitions) {
    const item = { id: recognition.recognitionId, title: recognition.title };
    const at = recognitionsInTime.indexOf(recognition);
    if (window && at < 0) {
      const reason =
        recognition.decidedOn < window.start
          ? `recognised before the time window that counts the most (${range})`
          : `recognised after the time limit (${window.deadline})`;
      notCounted.push({ ...item, reason });
      continue;
    }
    const amount = at < 0 ? 0 : recognitionAmounts[at];
    if (amount <= 0) {
      notCounted.push({ ...item, reason: `the recognition cap of ${rules.maxRecognitionEcts} ECTS is reached` });
      continue;
    }
    recognitionTenths += amount;
    const group = recognition.groupName ? rules.electiveGroups.find((g) => g.name === recognition.groupName) : undefined;
    counted.push({
      ...item,
      ects: amount / 10,
      countsAs: group ? { kind: 'GROUP', group: group.name } : { kind: 'FREE' },
      source: 'RECOGNITION',
    });
  }

  const countedEcts = round(counted.reduce((total, item) => total + item.ects, 0));
  const mandatory = rules.mandatoryModules.map((moduleCode) => ({
    moduleCode,
    credentialId: modulesCounted.get(moduleCode)?.credentialId ?? null,
  }));
  const groups = rules.electiveGroups.map((group) => {
    const groupEcts = round(
      counted.filter((c) => c.countsAs.kind === 'GROUP' && c.countsAs.group === group.name).reduce((t, c) => t + c.ects, 0),
    );
    return { name: group.name, minEcts: group.minEcts, countedEcts: groupEcts, missingEcts: round(Math.max(0, group.minEcts - groupEcts)) };
  });
  const providerIds = [...new Set([...modulesCounted.values()].map((c) => c.providerId))].sort();

  const reasons: string[] = [];
  const missingMandatory = mandatory.filter((m) => !m.credentialId).map((m) => m.moduleCode);
  if (missingMandatory.length > 0) reasons.push(`Missing mandatory modules: ${missingMandatory.join(', ')}`);
  for (const group of groups)
    if (group.missingEcts > 0) reasons.push(`Elective group ${group.name}: ${group.missingEcts} more ECTS needed`);
  if (countedEcts < rules.totalEcts)
    reasons.push(`${round(rules.totalEcts - countedEcts)} more ECTS needed (${countedEcts} of ${rules.totalEcts})`);
  if (providerIds.length < rules.minPartnerHeis) {
    reasons.push(`Credits come from ${providerIds.length} partner HEIs; at least ${rules.minPartnerHeis} are required`);
  }
  if (approvedEcts > rules.maxRecognitionEcts)
    reasons.push(`Only ${rules.maxRecognitionEcts} of ${approvedEcts} recognised ECTS can count`);
  const deadline = window?.deadline ?? null;
  const expired = deadline !== null && today > deadline;
  const blocking = reasons.filter((r) => !r.startsWith('Only '));
  if (expired && blocking.length > 0) reasons.unshift(`The time limit of ${rules.timeLimitMonths} months expired on ${deadline}`);

  return {
    eligible: blocking.length === 0 && counted.length > 0,
    reasons,
    requiredEcts: rules.totalEcts,
    countedEcts,
    mandatory,
    groups,
    partners: { required: rules.minPartnerHeis, providerIds },
    recognition: { cap: rules.maxRecognitionEcts, approvedEcts, countedEcts: recognitionTenths / 10 },
    timeLimit: { months: rules.timeLimitMonths, firstCreditOn: window?.start ?? null, deadline, expired },
    counted,
    notCounted,
  };
}
