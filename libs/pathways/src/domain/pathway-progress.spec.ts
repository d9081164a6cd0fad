import fc from 'fast-check';
import { addMonths, EarnedCredential, evaluatePathway, RecognisedCredits } from './pathway-progress';
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

  describe('invariants', () => {
    const providers = ['upm', 'polimi', 'fau', 'taltech'];
    const codes = ['CORE-1', 'DATA-1', 'DATA-2', 'FREE-1', 'FREE-2', 'FREE-3', 'FREE-4'];
    const credit = fc.record({
      credentialId: fc.uuid(),
      moduleCode: fc.constantFrom(...codes),
      ects: fc.integer({ min: 1, max: 12 }),
      eqfLevel: fc.integer({ min: 6, max: 8 }),
      providerId: fc.constantFrom(...providers),
      earnedOn: fc
        .integer({ min: 0, max: 1400 })
        .map((days) => new Date(Date.UTC(2026, 8, 1) + days * 86_400_000).toISOString().slice(0, 10)),
    });
    const recognition = fc.record({
      recognitionId: fc.uuid(),
      title: fc.constant('elsewhere'),
      ects: fc.integer({ min: 1, max: 10 }),
      groupName: fc.constantFrom(null, 'Data'),
      decidedOn: fc.constant('2027-01-01'),
    });
    const today = '2028-01-01';

    it('never counts more recognition than the cap, nor any credit twice', () => {
      fc.assert(
        fc.property(fc.array(credit, { maxLength: 12 }), fc.array(recognition, { maxLength: 4 }), (credits, recognitions) => {
          const progress = evaluatePathway(rules, credits, recognitions, today);
          const recognitionCounted = progress.counted.filter((c) => c.source === 'RECOGNITION').reduce((t, c) => t + c.ects, 0);
          expect(recognitionCounted).toBeLessThanOrEqual(rules.maxRecognitionEcts);
          expect(new Set(progress.counted.map((c) => c.id)).size).toBe(progress.counted.length);
          expect(progress.counted.length + progress.notCounted.length).toBe(credits.length + recognitions.length);
        }),
      );
    });

    it('counts exactly the sum of what it lists as counted', () => {
      fc.assert(
        fc.property(fc.array(credit, { maxLength: 12 }), fc.array(recognition, { maxLength: 4 }), (credits, recognitions) => {
          const progress = evaluatePathway(rules, credits, recognitions, today);
          expect(progress.countedEcts).toBeCloseTo(
            progress.counted.reduce((t, c) => t + c.ects, 0),
            5,
          );
        }),
      );
    });

    it('never loses eligibility by earning one more credential within the time limit', () => {
      const noLimit = { ...rules, timeLimitMonths: 1200 };
      fc.assert(
        fc.property(fc.array(credit, { maxLength: 12 }), credit, (credits, extra) => {
          const before = evaluatePathway(noLimit, credits, [], today);
          const after = evaluatePathway(noLimit, [...credits, extra], [], today);
          if (before.eligible) expect(after.eligible).toBe(true);
          expect(after.countedEcts).toBeGreaterThanOrEqual(before.countedEcts);
        }),
      );
    });

    it('is eligible exactly when it gives no blocking reason', () => {
      fc.assert(
        fc.property(fc.array(credit, { minLength: 1, maxLength: 12 }), fc.array(recognition, { maxLength: 3 }), (credits, recognitions) => {
          const progress = evaluatePathway(rules, credits, recognitions, today);
          expect(progress.eligible).toBe(progress.reasons.filter((r) => !r.startsWith('Only ')).length === 0);
        }),
      );
    });
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
