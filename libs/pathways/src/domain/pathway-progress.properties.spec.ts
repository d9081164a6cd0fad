import fc from 'fast-check';
import { addMonths, EarnedCredential, evaluatePathway, PathwayProgress, RecognisedCredits } from './pathway-progress';
import { PathwayRules } from './pathway-rules';

// The properties of docs/stacking.md ("What is proved, and how"), 10,000 runs each.
describe('evaluatePathway as a search', () => {
  const RUNS = 10_000;
  const providers = ['upm', 'polimi', 'fau', 'taltech'];
  const codes = ['CORE-1', 'DATA-1', 'DATA-2', 'ETH-1', 'FREE-1', 'FREE-2'];
  const dayOf = (days: number) => new Date(Date.UTC(2026, 8, 1) + days * 86_400_000).toISOString().slice(0, 10);
  const today = '2029-01-01';
  const anyRules: fc.Arbitrary<PathwayRules> = fc.record({
    totalEcts: fc.integer({ min: 0, max: 36 }),
    mandatoryModules: fc.constantFrom([], ['CORE-1']),
    electiveGroups: fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 8 })).map(([data, ethics]) => [
      { name: 'Data', moduleCodes: ['DATA-1', 'DATA-2'], minEcts: data },
      { name: 'Ethics', moduleCodes: ['ETH-1'], minEcts: ethics },
    ]),
    minPartnerHeis: fc.integer({ min: 0, max: 4 }),
    maxRecognitionEcts: fc.integer({ min: 0, max: 10 }),
    timeLimitMonths: fc.integer({ min: 3, max: 36 }),
    minEqfLevel: fc.integer({ min: 6, max: 7 }),
  });
  // Few distinct ids so that duplicates and clashes are tried too; the order of the input must not matter.
  const credit = (maxDay: number): fc.Arbitrary<EarnedCredential> =>
    fc.record({
      credentialId: fc.integer({ min: 0, max: 999 }).map((n) => `c${n}`),
      moduleCode: fc.constantFrom(...codes),
      ects: fc.integer({ min: 1, max: 12 }),
      eqfLevel: fc.integer({ min: 6, max: 8 }),
      providerId: fc.constantFrom(...providers),
      earnedOn: fc.integer({ min: 0, max: maxDay }).map(dayOf),
    });
  const recognition = (maxDay: number): fc.Arbitrary<RecognisedCredits> =>
    fc.record({
      recognitionId: fc.integer({ min: 0, max: 999 }).map((n) => `r${n}`),
      title: fc.constant('elsewhere'),
      ects: fc.integer({ min: 1, max: 10 }),
      groupName: fc.constantFrom(null, 'Data', 'Ethics', 'Gone'),
      decidedOn: fc.integer({ min: 0, max: maxDay }).map(dayOf),
    });
  const unmetRules = (p: PathwayProgress) =>
    p.mandatory.filter((m) => !m.credentialId).length +
    p.groups.filter((g) => g.missingEcts > 0).length +
    (p.countedEcts < p.requiredEcts ? 1 : 0) +
    (p.partners.providerIds.length < p.partners.required ? 1 : 0);

  /**
   * Eligibility by exhaustive enumeration, from the definition: any credential at level (or none) per
   * module code and any subset of the recognitions, all dated within the time limit from the earliest
   * of them; the recognition cap in closed form.
   */
  function someAssignmentSatisfies(rules: PathwayRules, earned: EarnedCredential[], recognised: RecognisedCredits[]): boolean {
    const levelOk = earned.filter((c) => c.eqfLevel >= rules.minEqfLevel);
    const perCode = [...new Set(levelOk.map((c) => c.moduleCode))].map((code) => [null, ...levelOk.filter((c) => c.moduleCode === code)]);
    const groupOf = (code: string) => rules.electiveGroups.find((g) => g.moduleCodes.includes(code))?.name;
    const limits = new Map<string, string>();
    const limitFrom = (date: string) => limits.get(date) ?? limits.set(date, addMonths(date, rules.timeLimitMonths)).get(date)!;
    const satisfies = (chosen: EarnedCredential[], recs: RecognisedCredits[]) => {
      const dates = [...chosen.map((c) => c.earnedOn), ...recs.map((r) => r.decidedOn)].sort();
      if (dates.length === 0 || dates[dates.length - 1] > limitFrom(dates[0])) return false;
      if (!rules.mandatoryModules.every((code) => chosen.some((c) => c.moduleCode === code))) return false;
      if (new Set(chosen.map((c) => c.providerId)).size < rules.minPartnerHeis) return false;
      let deficits = 0;
      for (const group of rules.electiveGroups) {
        const own = chosen.filter((c) => groupOf(c.moduleCode) === group.name).reduce((t, c) => t + c.ects, 0);
        const deficit = Math.max(0, group.minEcts - own);
        if (deficit > recs.filter((r) => r.groupName === group.name).reduce((t, r) => t + r.ects, 0)) return false;
        deficits += deficit;
      }
      const recognisedCounted = Math.min(
        rules.maxRecognitionEcts,
        recs.reduce((t, r) => t + r.ects, 0),
      );
      if (deficits > rules.maxRecognitionEcts) return false;
      if (chosen.length === 0 && recognisedCounted === 0) return false;
      return chosen.reduce((t, c) => t + c.ects, 0) + recognisedCounted >= rules.totalEcts;
    };
    const recognitionSubsets = recognised.reduce<RecognisedCredits[][]>(
      (subsets, r) => [...subsets, ...subsets.map((s) => [...s, r])],
      [[]],
    );
    const walk = (i: number, chosen: EarnedCredential[]): boolean =>
      i === perCode.length
        ? recognitionSubsets.some((recs) => satisfies(chosen, recs))
        : perCode[i].some((c) => walk(i + 1, c ? [...chosen, c] : chosen));
    return walk(0, []);
  }

  it('is eligible exactly when some assignment of the credits satisfies the rules (exhaustive oracle)', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc.array(credit(1000), { maxLength: 7 }),
        fc.array(recognition(1000), { maxLength: 3 }),
        (r, credits, recognitions) => {
          expect(evaluatePathway(r, credits, recognitions, today).eligible).toBe(someAssignmentSatisfies(r, credits, recognitions));
        },
      ),
      { numRuns: RUNS },
    );
  });

  // The others are earned over 400 days; the extra credit before them all (a late-recorded old
  // result), among them, or after them, within any time limit or beyond it.
  const anyDay = fc.oneof(fc.integer({ min: -1200, max: -1 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 401, max: 1600 }));
  const expectNoFurther = (before: PathwayProgress, after: PathwayProgress) => {
    if (before.eligible) {
      expect(after.eligible).toBe(true);
      expect(after.countedEcts).toBeGreaterThanOrEqual(before.countedEcts);
    }
    expect(unmetRules(after)).toBeLessThanOrEqual(unmetRules(before));
    if (unmetRules(after) === unmetRules(before)) expect(after.countedEcts).toBeGreaterThanOrEqual(before.countedEcts);
  };

  it('never loses eligibility, nor gets further from it, by earning one more credential of any date', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc.array(credit(400), { maxLength: 12 }),
        fc.array(recognition(400), { maxLength: 3 }),
        credit(400),
        anyDay,
        (r, credits, recognitions, extra, day) => {
          const before = evaluatePathway(r, credits, recognitions, today);
          expectNoFurther(before, evaluatePathway(r, [...credits, { ...extra, earnedOn: dayOf(day) }], recognitions, today));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never loses eligibility, nor gets further from it, by one more recognition of any date', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc.array(credit(400), { maxLength: 12 }),
        fc.array(recognition(400), { maxLength: 3 }),
        recognition(400),
        anyDay,
        (r, credits, recognitions, extra, day) => {
          const before = evaluatePathway(r, credits, recognitions, today);
          expectNoFurther(before, evaluatePathway(r, credits, [...recognitions, { ...extra, decidedOn: dayOf(day) }], today));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never counts more than the caps allow, and counts only the learner’s valid credits, each once', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc.array(credit(1000), { maxLength: 14 }),
        fc.array(recognition(1000), { maxLength: 4 }),
        (r, credits, recognitions) => {
          const progress = evaluatePathway(r, credits, recognitions, today);
          // One expectation per run (jest's are slow at 10,000 runs): the list of broken invariants.
          const close = (x: number, y: number) => Math.abs(x - y) < 1e-9;
          const modules = progress.counted.filter((c) => c.source === 'MODULE');
          const recognisedItems = progress.counted.filter((c) => c.source === 'RECOGNITION');
          const recognitionCounted = recognisedItems.reduce((t, c) => t + c.ects, 0);
          const { firstCreditOn, deadline } = progress.timeLimit;
          const inWindow = (date: string) => firstCreditOn !== null && date >= firstCreditOn && date <= (deadline ?? '');
          // Ids may repeat in the input: a counted item may be any credit with its id and title.
          const datesOf = (item: (typeof progress.counted)[number]) =>
            item.source === 'MODULE'
              ? credits.filter((c) => c.credentialId === item.id && c.moduleCode === item.title).map((c) => c.earnedOn)
              : recognitions.filter((x) => x.recognitionId === item.id).map((x) => x.decidedOn);
          const broken = Object.entries({
            'recognition above its cap': recognitionCounted > r.maxRecognitionEcts + 1e-9,
            'recognition total misreported': !close(progress.recognition.countedEcts, recognitionCounted),
            'a module code counted twice': new Set(modules.map((c) => c.title)).size !== modules.length,
            'a module credit that is not a valid credential of the learner': !modules.every((item) =>
              credits.some(
                (c) =>
                  c.credentialId === item.id &&
                  c.moduleCode === item.title &&
                  c.ects === item.ects &&
                  c.eqfLevel >= r.minEqfLevel &&
                  inWindow(c.earnedOn),
              ),
            ),
            'a recognised credit the learner was not granted': !recognisedItems.every((item) =>
              recognitions.some((x) => x.recognitionId === item.id && x.ects >= item.ects && item.ects > 0 && inWindow(x.decidedOn)),
            ),
            'the time window does not start at a counted credit':
              progress.counted.length > 0
                ? !progress.counted.some((item) => datesOf(item).includes(firstCreditOn ?? ''))
                : firstCreditOn !== null,
            'the deadline is not the time limit from the window’s start':
              deadline !== (firstCreditOn && addMonths(firstCreditOn, r.timeLimitMonths)),
            'counted total is not the sum of the counted': !close(
              progress.countedEcts,
              progress.counted.reduce((t, c) => t + c.ects, 0),
            ),
            'a credit neither counted nor explained':
              progress.counted.length + progress.notCounted.length !== credits.length + recognitions.length,
            'a reason left empty': !progress.notCounted.every((n) => n.reason.length > 0),
            'eligibility disagrees with the reasons':
              progress.eligible !== (progress.reasons.filter((x) => !x.startsWith('Only ')).length === 0 && progress.counted.length > 0),
          }).flatMap(([name, isBroken]) => (isBroken ? [name] : []));
          expect(broken).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives the same answer whatever the order of the credits', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc
          .array(credit(1000), { maxLength: 14 })
          .chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))),
        fc
          .array(recognition(1000), { maxLength: 4 })
          .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        (r, [credits, shuffled], [recognitions, shuffledRecognitions]) => {
          // Both results are built by the same code, so equal values serialise alike (and faster than toEqual).
          const serialised = (p: PathwayProgress) => JSON.stringify(p);
          expect(serialised(evaluatePathway(r, shuffled, shuffledRecognitions, today))).toBe(
            serialised(evaluatePathway(r, credits, recognitions, today)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
