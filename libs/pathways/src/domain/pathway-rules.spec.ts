import { CatalogueModule, PathwayRules, pathwayRuleProblems } from './pathway-rules';

const rules: PathwayRules = {
  totalEcts: 24,
  mandatoryModules: ['CORE-1'],
  electiveGroups: [{ name: 'Data', moduleCodes: ['DATA-1', 'DATA-2'], minEcts: 12 }],
  minPartnerHeis: 3,
  maxRecognitionEcts: 0,
  timeLimitMonths: 24,
  minEqfLevel: 7,
};

const aModule = (code: string, providerId: string, retired = false): [string, CatalogueModule] => [
  code,
  { code, ectsCredits: 6, eqfLevel: 7, providerId, retired },
];

describe('pathwayRuleProblems with retired modules', () => {
  const live = [aModule('CORE-1', 'upm'), aModule('DATA-1', 'polimi'), aModule('DATA-2', 'fau'), aModule('FREE-1', 'taltech')];

  it('accepts rules the live catalogue can satisfy', () => {
    expect(pathwayRuleProblems(rules, new Map(live))).toEqual([]);
  });

  it('refuses a retired mandatory module: no new learner can take it', () => {
    const catalogue = new Map([...live, aModule('CORE-1', 'upm', true)]);
    expect(pathwayRuleProblems(rules, catalogue).map((p) => p.message)).toContainEqual(expect.stringMatching(/retired.*CORE-1/));
  });

  it('counts neither the credits nor the provider of a retired module towards what can be reached', () => {
    const catalogue = new Map([...live, aModule('DATA-2', 'fau', true)]);
    const fourPartners = { ...rules, minPartnerHeis: 4 };
    expect(pathwayRuleProblems(fourPartners, new Map(live))).toEqual([]);
    const fields = pathwayRuleProblems(fourPartners, catalogue).map((p) => p.field);
    expect(fields).toContain('electiveGroups'); // the group's 12 ECTS now rest on DATA-1 alone
    expect(fields).toContain('totalEcts'); // 18 takeable ECTS for a total of 24
    expect(fields).toContain('minPartnerHeis'); // FAU offers nothing else: three partners left
  });

  it('still knows a retired module by its code: it is not an unknown module', () => {
    const catalogue = new Map([...live, aModule('FREE-2', 'fau', true)]);
    const withRetiredElective = { ...rules, electiveGroups: [{ name: 'Data', moduleCodes: ['DATA-1', 'DATA-2', 'FREE-2'], minEcts: 12 }] };
    expect(pathwayRuleProblems(withRetiredElective, catalogue)).toEqual([]);
  });
});
