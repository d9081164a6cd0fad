import fc from 'fast-check';
import { addMonths, EarnedCredential, evaluatePathway, PathwayProgress, RecognisedCredits } from './pathway-progress';
import { CatalogueModule, PathwayRules, pathwayRuleProblems } from './pathway-rules';

const rules: PathwayRules = {
  totalEcts: 30,
  mandatoryModules: ['CORE-1'],
  electiveGroups: [{ name: 'Data', moduleCodes: ['DATA-1', 'DATA-2'], minEcts: 6 }],
  minPartnerHeis: 3,
  maxRecognitionEcts: 6,
  timeLimitMonths: 24,
  minEqfLevel: 7,
};

let next = 0;
const aCredit = (moduleCode: string, providerId: string, overrides: Partial<EarnedCredential> = {}): EarnedCredential => ({
  credentialId: `c${next++}`,
  moduleCode,
  ects: 6,
  eqfLevel: 7,
  providerId,
  earnedOn: '2027-01-15',
  ...overrides,
});
const aRecognition = (ects: number, overrides: Partial<RecognisedCredits> = {}): RecognisedCredits => ({
  recognitionId: `r${next++}`,
  title: 'MOOC on data governance',
  ects,
  groupName: null,
  decidedOn: '2027-02-01',
  ...overrides,
});

const eligibleSet = () => [
  aCredit('CORE-1', 'upm'),
  aCredit('DATA-1', 'polimi'),
  aCredit('FREE-1', 'fau'),
  aCredit('FREE-2', 'taltech'),
  aCredit('FREE-3', 'upm'),
];

describe('evaluatePathway', () => {
  it('makes a learner with modules from three HEIs eligible, explaining where each counts', () => {
    const progress = evaluatePathway(rules, eligibleSet(), [], '2027-06-01');
    expect(progress.eligible).toBe(true);
    expect(progress.reasons).toEqual([]);
    expect(progress.countedEcts).toBe(30);
    expect(progress.mandatory[0].credentialId).not.toBeNull();
    expect(progress.groups).toEqual([{ name: 'Data', minEcts: 6, countedEcts: 6, missingEcts: 0 }]);
    expect(progress.partners.providerIds).toEqual(['fau', 'polimi', 'taltech', 'upm']);
    expect(progress.counted.map((c) => c.countsAs.kind)).toEqual(['MANDATORY', 'GROUP', 'FREE', 'FREE', 'FREE']);
  });

  it('blocks eligibility without a mandatory module, saying which', () => {
    const credits = eligibleSet().filter((c) => c.moduleCode !== 'CORE-1');
    credits.push(aCredit('FREE-4', 'fau'));
    const progress = evaluatePathway(rules, credits, [], '2027-06-01');
    expect(progress.eligible).toBe(false);
    expect(progress.reasons).toContain('Missing mandatory modules: CORE-1');
  });

  it('blocks eligibility with too few partner HEIs', () => {
    const credits = [
      aCredit('CORE-1', 'upm'),
      aCredit('DATA-1', 'upm'),
      aCredit('FREE-1', 'polimi'),
      aCredit('FREE-2', 'polimi'),
      aCredit('FREE-3', 'upm'),
    ];
    const progress = evaluatePathway(rules, credits, [], '2027-06-01');
    expect(progress.eligible).toBe(false);
    expect(progress.reasons).toContain('Credits come from 2 partner HEIs; at least 3 are required');
  });

  it('counts recognition only up to its cap, and says so', () => {
    const credits = eligibleSet().slice(0, 4);
    const progress = evaluatePathway(rules, credits, [aRecognition(10)], '2027-06-01');
    expect(progress.recognition).toEqual({ cap: 6, approvedEcts: 10, countedEcts: 6 });
    expect(progress.countedEcts).toBe(30);
    expect(progress.eligible).toBe(true);
    expect(progress.reasons).toContain('Only 6 of 10 recognised ECTS can count');
    const tooMuch = evaluatePathway(rules, credits.slice(0, 3), [aRecognition(6), aRecognition(6)], '2027-06-01');
    expect(tooMuch.eligible).toBe(false);
    expect(tooMuch.notCounted.map((n) => n.reason)).toContain('the recognition cap of 6 ECTS is reached');
  });

  it('blocks eligibility once the time limit has expired, and ignores credits earned after it', () => {
    const credits = eligibleSet();
    credits[4] = aCredit('FREE-3', 'upm', { earnedOn: '2029-03-01' });
    const progress = evaluatePathway(rules, credits, [], '2029-06-01');
    expect(progress.timeLimit).toMatchObject({ firstCreditOn: '2027-01-15', deadline: '2029-01-15', expired: true });
    expect(progress.eligible).toBe(false);
    expect(progress.reasons[0]).toBe('The time limit of 24 months expired on 2029-01-15');
    expect(progress.notCounted).toEqual([expect.objectContaining({ reason: 'earned after the time limit (2029-01-15)' })]);
  });

  it('stays eligible after the time limit when everything was earned within it', () => {
    expect(evaluatePathway(rules, eligibleSet(), [], '2031-01-01').eligible).toBe(true);
  });

  it('ignores modules below the EQF level and a module passed twice', () => {
    const credits = [...eligibleSet(), aCredit('CORE-1', 'upm', { earnedOn: '2027-05-01' }), aCredit('LOW-1', 'fau', { eqfLevel: 6 })];
    const progress = evaluatePathway(rules, credits, [], '2027-06-01');
    expect(progress.countedEcts).toBe(30);
    expect(progress.notCounted.map((n) => n.reason).sort()).toEqual([
      'EQF level 6 is below the required 7',
      'the same module already counts',
    ]);
  });

  it('is not eligible with nothing earned', () => {
    const progress = evaluatePathway(
      { ...rules, totalEcts: 0, mandatoryModules: [], electiveGroups: [], minPartnerHeis: 0 },
      [],
      [],
      '2027-01-01',
    );
    expect(progress.eligible).toBe(false);
  });

  it('keeps the smaller credential of a module when the larger one from another HEI would lose the partner rule', () => {
    // The finding: a second, larger CORE-1 from polimi displaced the upm one that made the third partner.
    const credits = [
      aCredit('CORE-1', 'upm'),
      aCredit('DATA-1', 'polimi'),
      aCredit('FREE-1', 'fau'),
      aCredit('FREE-2', 'fau'),
      aCredit('FREE-3', 'fau'),
    ];
    expect(evaluatePathway(rules, credits, [], '2027-06-01').eligible).toBe(true);
    const larger = aCredit('CORE-1', 'polimi', { ects: 8, earnedOn: '2027-03-01' });
    const progress = evaluatePathway(rules, [...credits, larger], [], '2027-06-01');
    expect(progress.eligible).toBe(true);
    expect(progress.mandatory).toEqual([{ moduleCode: 'CORE-1', credentialId: credits[0].credentialId }]);
    expect(progress.partners.providerIds).toEqual(['fau', 'polimi', 'upm']);
    expect(progress.notCounted).toEqual([{ id: larger.credentialId, title: 'CORE-1', reason: 'the same module already counts' }]);
  });

  it('takes the larger credential of a module when no rule needs the smaller one', () => {
    const credits = [...eligibleSet(), aCredit('FREE-1', 'upm', { ects: 9 })];
    const progress = evaluatePathway(rules, credits, [], '2027-06-01');
    expect(progress.countedEcts).toBe(33);
    expect(progress.notCounted).toEqual([{ id: credits[2].credentialId, title: 'FREE-1', reason: 'the same module already counts' }]);
  });

  it('spends the recognition cap on a group that needs it before free credits', () => {
    const credits = [aCredit('CORE-1', 'upm'), aCredit('FREE-1', 'polimi'), aCredit('FREE-2', 'fau'), aCredit('FREE-3', 'taltech')];
    const free = aRecognition(6, { decidedOn: '2027-01-20' });
    const data = aRecognition(6, { groupName: 'Data', decidedOn: '2027-03-01' });
    const progress = evaluatePathway(rules, credits, [free, data], '2027-06-01');
    expect(progress.eligible).toBe(true);
    expect(progress.groups[0]).toMatchObject({ countedEcts: 6, missingEcts: 0 });
    expect(progress.notCounted).toEqual([
      { id: free.recognitionId, title: free.title, reason: 'the recognition cap of 6 ECTS is reached' },
    ]);
  });
});

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

  /** Eligibility by exhaustive enumeration: any credential (or none) per module code, recognition in closed form. */
  function someAssignmentSatisfies(rules: PathwayRules, earned: EarnedCredential[], recognised: RecognisedCredits[]): boolean {
    const levelOk = earned.filter((c) => c.eqfLevel >= rules.minEqfLevel);
    const first = [...levelOk.map((c) => c.earnedOn), ...recognised.map((r) => r.decidedOn)].sort()[0];
    if (!first) return false;
    const deadline = addMonths(first, rules.timeLimitMonths);
    const usable = levelOk.filter((c) => c.earnedOn <= deadline);
    const recs = recognised.filter((r) => r.decidedOn <= deadline);
    const perCode = [...new Set(usable.map((c) => c.moduleCode))].map((code) => [null, ...usable.filter((c) => c.moduleCode === code)]);
    const groupOf = (code: string) => rules.electiveGroups.find((g) => g.moduleCodes.includes(code))?.name;
    const recTotal = recs.reduce((t, r) => t + r.ects, 0);
    const satisfies = (chosen: EarnedCredential[]) => {
      if (!rules.mandatoryModules.every((code) => chosen.some((c) => c.moduleCode === code))) return false;
      if (new Set(chosen.map((c) => c.providerId)).size < rules.minPartnerHeis) return false;
      let deficits = 0;
      for (const group of rules.electiveGroups) {
        const own = chosen.filter((c) => groupOf(c.moduleCode) === group.name).reduce((t, c) => t + c.ects, 0);
        const deficit = Math.max(0, group.minEcts - own);
        if (deficit > recs.filter((r) => r.groupName === group.name).reduce((t, r) => t + r.ects, 0)) return false;
        deficits += deficit;
      }
      const recognisedCounted = Math.min(rules.maxRecognitionEcts, recTotal);
      if (deficits > rules.maxRecognitionEcts) return false;
      if (chosen.length === 0 && recognisedCounted === 0) return false;
      return chosen.reduce((t, c) => t + c.ects, 0) + recognisedCounted >= rules.totalEcts;
    };
    const walk = (i: number, chosen: EarnedCredential[]): boolean =>
      i === perCode.length ? satisfies(chosen) : perCode[i].some((c) => walk(i + 1, c ? [...chosen, c] : chosen));
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

  it('never loses eligibility, nor gets further from it, by earning one more credential', () => {
    // The extra credential is earned after the others (as credentials are), within any time limit or after it.
    fc.assert(
      fc.property(
        anyRules,
        fc.array(credit(400), { maxLength: 12 }),
        fc.array(recognition(400), { maxLength: 3 }),
        credit(400),
        fc.integer({ min: 0, max: 1200 }),
        (r, credits, recognitions, extra, later) => {
          const before = evaluatePathway(r, credits, recognitions, today);
          const after = evaluatePathway(r, [...credits, { ...extra, earnedOn: dayOf(400 + later) }], recognitions, today);
          if (before.eligible) {
            expect(after.eligible).toBe(true);
            expect(after.countedEcts).toBeGreaterThanOrEqual(before.countedEcts);
          }
          expect(unmetRules(after)).toBeLessThanOrEqual(unmetRules(before));
          if (unmetRules(after) === unmetRules(before)) expect(after.countedEcts).toBeGreaterThanOrEqual(before.countedEcts);
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
          const deadline = progress.timeLimit.deadline ?? '';
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
                  c.earnedOn <= deadline,
              ),
            ),
            'a recognised credit the learner was not granted': !recognisedItems.every((item) =>
              recognitions.some((x) => x.recognitionId === item.id && x.ects >= item.ects && item.ects > 0 && x.decidedOn <= deadline),
            ),
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

describe('addMonths', () => {
  it('keeps the day, or the month’s last day', () => {
    expect(addMonths('2027-01-15', 24)).toBe('2029-01-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });
});

describe('pathwayRuleProblems', () => {
  const catalogue = new Map<string, CatalogueModule>(
    [
      ['CORE-1', 6, 7, 'upm'],
      ['DATA-1', 6, 7, 'polimi'],
      ['DATA-2', 6, 7, 'polimi'],
      ['FREE-1', 6, 7, 'fau'],
      ['FREE-2', 6, 7, 'taltech'],
      ['LOW-1', 6, 6, 'fau'],
    ].map(([code, ectsCredits, eqfLevel, providerId]) => [
      code as string,
      { code: code as string, ectsCredits: ectsCredits as number, eqfLevel: eqfLevel as number, providerId: providerId as string },
    ]),
  );

  it('accepts coherent rules', () => {
    expect(pathwayRuleProblems(rules, catalogue)).toEqual([]);
  });

  it.each([
    ['mandatory credits above the total', { totalEcts: 6, mandatoryModules: ['CORE-1', 'FREE-1'], electiveGroups: [] }, 'mandatoryModules'],
    [
      'group minimums that cannot fit',
      { electiveGroups: [{ name: 'Data', moduleCodes: ['DATA-1', 'DATA-2'], minEcts: 30 }] },
      'electiveGroups',
    ],
    [
      'a group asking more than its modules offer',
      { totalEcts: 30, electiveGroups: [{ name: 'Data', moduleCodes: ['DATA-1'], minEcts: 12 }] },
      'electiveGroups',
    ],
    ['an unknown module', { mandatoryModules: ['NOPE-1'] }, 'rules'],
    ['a module in two places', { mandatoryModules: ['DATA-1'] }, 'rules'],
    ['more partners than offer modules', { minPartnerHeis: 5 }, 'minPartnerHeis'],
    ['recognition above the total', { maxRecognitionEcts: 40 }, 'maxRecognitionEcts'],
    ['a mandatory module below the EQF level', { mandatoryModules: ['LOW-1'] }, 'mandatoryModules'],
    ['a total the catalogue cannot reach', { totalEcts: 90 }, 'totalEcts'],
  ])('refuses %s', (_what, change, field) => {
    const problems = pathwayRuleProblems({ ...rules, ...change }, catalogue);
    expect(problems.map((p) => p.field)).toContain(field);
  });
});
