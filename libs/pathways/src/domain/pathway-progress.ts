import { PathwayRules } from './pathway-rules';

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
}

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
  timeLimit: { months: number; firstCreditOn: string | null; deadline: string | null; expired: boolean };
  counted: CountedItem[];
  notCounted: NotCounted[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

/**
 * Works out which credits count toward the degree, where, and whether the learner is eligible.
 * Each module counts once (its best result, when passed twice); credits earned after
 * the time limit, or below the EQF level, do not count; recognition counts up to its cap.
 */
export function evaluatePathway(
  rules: PathwayRules,
  earned: EarnedCredential[],
  recognised: RecognisedCredits[],
  today: string,
): PathwayProgress {
  const notCounted: NotCounted[] = [];
  const counted: CountedItem[] = [];
  const byDate = [...earned].sort((a, b) => a.earnedOn.localeCompare(b.earnedOn) || a.credentialId.localeCompare(b.credentialId));

  const levelOk = byDate.filter((c) => {
    if (c.eqfLevel >= rules.minEqfLevel) return true;
    notCounted.push({
      id: c.credentialId,
      title: c.moduleCode,
      reason: `EQF level ${c.eqfLevel} is below the required ${rules.minEqfLevel}`,
    });
    return false;
  });
  const firstCreditOn = [...levelOk.map((c) => c.earnedOn), ...recognised.map((r) => r.decidedOn)].sort()[0] ?? null;
  const deadline = firstCreditOn ? addMonths(firstCreditOn, rules.timeLimitMonths) : null;

  const placeOf = (code: string): CountsAs => {
    if (rules.mandatoryModules.includes(code)) return { kind: 'MANDATORY' };
    const group = rules.electiveGroups.find((g) => g.moduleCodes.includes(code));
    return group ? { kind: 'GROUP', group: group.name } : { kind: 'FREE' };
  };

  // A module passed twice counts once: the result with more credits, then the earlier one.
  const modulesCounted = new Map<string, EarnedCredential>();
  const inTime = levelOk.filter((credential) => {
    if (!deadline || credential.earnedOn <= deadline) return true;
    notCounted.push({ id: credential.credentialId, title: credential.moduleCode, reason: `earned after the time limit (${deadline})` });
    return false;
  });
  for (const credential of [...inTime].sort((a, b) => b.ects - a.ects)) {
    const best = modulesCounted.get(credential.moduleCode);
    if (best) notCounted.push({ id: credential.credentialId, title: credential.moduleCode, reason: 'the same module already counts' });
    else modulesCounted.set(credential.moduleCode, credential);
  }
  for (const credential of inTime) {
    if (modulesCounted.get(credential.moduleCode) === credential) {
      counted.push({
        id: credential.credentialId,
        title: credential.moduleCode,
        ects: credential.ects,
        countsAs: placeOf(credential.moduleCode),
        source: 'MODULE',
      });
    }
  }

  let recognitionLeft = rules.maxRecognitionEcts;
  const approvedEcts = round(recognised.reduce((total, r) => total + r.ects, 0));
  for (const recognition of [...recognised].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn))) {
    if (deadline && recognition.decidedOn > deadline) {
      notCounted.push({ id: recognition.recognitionId, title: recognition.title, reason: `recognised after the time limit (${deadline})` });
      continue;
    }
    const ects = round(Math.min(recognition.ects, recognitionLeft));
    if (ects <= 0) {
      notCounted.push({
        id: recognition.recognitionId,
        title: recognition.title,
        reason: `the recognition cap of ${rules.maxRecognitionEcts} ECTS is reached`,
      });
      continue;
    }
    recognitionLeft = round(recognitionLeft - ects);
    const group = recognition.groupName ? rules.electiveGroups.find((g) => g.name === recognition.groupName) : undefined;
    counted.push({
      id: recognition.recognitionId,
      title: recognition.title,
      ects,
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
    recognition: { cap: rules.maxRecognitionEcts, approvedEcts, countedEcts: round(rules.maxRecognitionEcts - recognitionLeft) },
    timeLimit: { months: rules.timeLimitMonths, firstCreditOn, deadline, expired },
    counted,
    notCounted,
  };
}
