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

  it('keeps eligibility when an older result is recorded late, starting the clock at the first counted credit', () => {
    const credits = eligibleSet();
    expect(evaluatePathway(rules, credits, [], '2027-06-01').timeLimit).toMatchObject({
      firstCreditOn: '2027-01-15',
      deadline: '2029-01-15',
    });
    // Counting a result from 2024 would end the time limit in 2026, before everything else.
    const old = aCredit('FREE-9', 'fau', { earnedOn: '2024-03-01' });
    const progress = evaluatePathway(rules, [old, ...credits], [], '2027-06-01');
    expect(progress.eligible).toBe(true);
    expect(progress.countedEcts).toBe(30);
    expect(progress.timeLimit).toMatchObject({ firstCreditOn: '2027-01-15', deadline: '2029-01-15', expired: false });
    expect(progress.notCounted).toEqual([
      { id: old.credentialId, title: 'FREE-9', reason: 'earned before the time window that counts the most (2027-01-15 to 2029-01-15)' },
    ]);
  });

  it('takes, among windows that count as much, the one that starts latest: the clock starts at the first credit that counts', () => {
    const first = aCredit('CORE-1', 'upm', { earnedOn: '2027-01-15' });
    const again = aCredit('CORE-1', 'upm', { earnedOn: '2027-06-01' });
    const progress = evaluatePathway(rules, [first, again], [], '2027-07-01');
    expect(progress.countedEcts).toBe(6);
    expect(progress.timeLimit).toMatchObject({ firstCreditOn: '2027-06-01', deadline: '2029-06-01' });
    expect(progress.notCounted).toEqual([
      { id: first.credentialId, title: 'CORE-1', reason: 'earned before the time window that counts the most (2027-06-01 to 2029-06-01)' },
    ]);
  });

  it('shows a learner not yet eligible the window that counts the most, even when a later one is still open', () => {
    const early = [aCredit('CORE-1', 'upm'), aCredit('DATA-1', 'polimi'), aCredit('FREE-1', 'fau', { earnedOn: '2028-12-01' })];
    const late = aCredit('FREE-2', 'taltech', { earnedOn: '2029-05-01' });
    const progress = evaluatePathway(rules, [...early, late], [aRecognition(4, { decidedOn: '2029-06-01' })], '2029-07-01');
    expect(progress.eligible).toBe(false);
    expect(progress.countedEcts).toBe(18);
    expect(progress.timeLimit).toMatchObject({ firstCreditOn: '2027-01-15', deadline: '2029-01-15', expired: true });
    expect(progress.reasons[0]).toBe('The time limit of 24 months expired on 2029-01-15');
    expect(progress.notCounted.map((n) => n.reason)).toEqual([
      'earned after the time limit (2029-01-15)',
      'recognised after the time limit (2029-01-15)',
    ]);
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
