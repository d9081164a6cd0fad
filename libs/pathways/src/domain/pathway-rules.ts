/**
 * The degree rules of an edition, as data. Plain types and checks: no Nest, no database.
 */
export interface ElectiveGroup {
  name: string;
  moduleCodes: string[];
  minEcts: number;
}

export interface PathwayRules {
  totalEcts: number;
  mandatoryModules: string[];
  electiveGroups: ElectiveGroup[];
  /** Credits must come from at least this many different partner HEIs: it is a joint degree. */
  minPartnerHeis: number;
  /** The most credits recognition of learning elsewhere may bring. */
  maxRecognitionEcts: number;
  /** Months from the first counted credit within which the degree must be completed. */
  timeLimitMonths: number;
  minEqfLevel: number;
  /**
   * Partner HEIs the programme office names to decide recognitions for learners under these rules
   * (beside the office itself, which always may). None: only the office.
   */
  recognitionDeciderIds?: string[];
}

export interface CatalogueModule {
  code: string;
  ectsCredits: number;
  eqfLevel: number;
  providerId: string;
  /** Retired: still names a module learners may hold, but no new learner can take it. */
  retired?: boolean;
}

export interface RuleProblem {
  field: string;
  message: string;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every reason the rules cannot work, e.g. mandatory credits above the total. */
export function pathwayRuleProblems(rules: PathwayRules, catalogue: Map<string, CatalogueModule>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const moduleOf = (code: string) => catalogue.get(code);
  // What learners can still take: the feasibility sums leave retired modules out.
  const takeable = [...catalogue.values()].filter((m) => !m.retired);
  const listed = [...rules.mandatoryModules, ...rules.electiveGroups.flatMap((g) => g.moduleCodes)];
  for (const code of new Set(listed)) if (!moduleOf(code)) problem('rules', `Unknown module ${code}`);
  const seen = new Set<string>();
  for (const code of listed) {
    if (seen.has(code)) problem('rules', `Module ${code} is listed more than once: a module counts in one place only`);
    seen.add(code);
  }
  const names = rules.electiveGroups.map((g) => g.name);
  if (new Set(names).size !== names.length) problem('electiveGroups', 'Elective group names must be unique');

  const retiredMandatory = rules.mandatoryModules.filter((code) => moduleOf(code)?.retired);
  if (retiredMandatory.length > 0)
    problem('mandatoryModules', `Mandatory modules that are retired, so no new learner can take them: ${retiredMandatory.join(', ')}`);
  const ectsOf = (codes: string[]) => sum(codes.map((code) => moduleOf(code)?.ectsCredits ?? 0));
  const takeableEctsOf = (codes: string[]) => sum(codes.map((code) => moduleOf(code)).map((m) => (m && !m.retired ? m.ectsCredits : 0)));
  const mandatoryEcts = ectsOf(rules.mandatoryModules);
  if (mandatoryEcts > rules.totalEcts) {
    problem('mandatoryModules', `The mandatory modules bring ${mandatoryEcts} ECTS, above the total of ${rules.totalEcts}`);
  }
  const groupMinimums = sum(rules.electiveGroups.map((g) => g.minEcts));
  if (mandatoryEcts + groupMinimums > rules.totalEcts) {
    problem(
      'electiveGroups',
      `Mandatory (${mandatoryEcts}) plus group minimums (${groupMinimums}) exceed the total of ${rules.totalEcts} ECTS`,
    );
  }
  for (const group of rules.electiveGroups) {
    const available = takeableEctsOf(group.moduleCodes);
    if (group.minEcts > available)
      problem('electiveGroups', `Group ${group.name} asks ${group.minEcts} ECTS but its modules offer ${available}`);
  }
  const lowLevel = rules.mandatoryModules.filter((code) => (moduleOf(code)?.eqfLevel ?? rules.minEqfLevel) < rules.minEqfLevel);
  if (lowLevel.length > 0) problem('mandatoryModules', `Mandatory modules below EQF ${rules.minEqfLevel}: ${lowLevel.join(', ')}`);
  const providers = new Set(takeable.filter((m) => m.eqfLevel >= rules.minEqfLevel).map((m) => m.providerId));
  if (rules.minPartnerHeis > providers.size) {
    problem(
      'minPartnerHeis',
      `${rules.minPartnerHeis} partner HEIs are required but only ${providers.size} offer modules at EQF ${rules.minEqfLevel} or above`,
    );
  }
  if (rules.maxRecognitionEcts > rules.totalEcts)
    problem('maxRecognitionEcts', 'Recognition cannot bring more credits than the degree has');
  const catalogueEcts = sum(takeable.filter((m) => m.eqfLevel >= rules.minEqfLevel).map((m) => m.ectsCredits));
  if (catalogueEcts + rules.maxRecognitionEcts < rules.totalEcts) {
    problem(
      'totalEcts',
      `The catalogue offers ${catalogueEcts} ECTS (plus ${rules.maxRecognitionEcts} by recognition), below the total of ${rules.totalEcts}`,
    );
  }
  return problems;
}
