import { compareScores, searchAssignment, SearchProblem } from './stacking-search';

describe('searchAssignment beyond its node limit', () => {
  // 12 modules, each passed at 4 HEIs, 4 partners required: far more choices than a budget of 50 nodes.
  const problem = (order: number[]): SearchProblem => ({
    totalTenths: 600,
    groupMinTenths: [],
    minPartners: 4,
    recognitionCapTenths: 0,
    missingMandatory: 0,
    codes: order.map((i) => ({
      code: `M${i}`,
      group: -1,
      options: [0, 1, 2, 3].map((j) => ({ index: i * 4 + j, tenths: 60 - j * 10, providerId: `p${(i + j) % 4 === 0 ? 0 : 1 + j}` })),
    })),
    recognitions: [],
  });

  it('stops, says the answer is not exact, and keeps the best assignment found so far', () => {
    const limited = searchAssignment(problem([...Array(12).keys()]), 50);
    expect(limited.exact).toBe(false);
    expect(limited.chosen).toHaveLength(12);
    const full = searchAssignment(problem([...Array(12).keys()]));
    expect(full.exact).toBe(true);
    expect(compareScores(full.score, limited.score)).toBeLessThanOrEqual(0);
    expect(searchAssignment(problem([...Array(12).keys()]), 50)).toEqual(limited);
  });
});
