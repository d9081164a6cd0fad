import { chooseWindow, TimeWindow } from './time-windows';
import { searchAssignment, searchBetter, SearchProblem } from './stacking-search';

// One module per start date, each from its own HEI, worth 6 ECTS: a window counts the modules within it.
const dated = ['2027-01-10', '2027-05-10', '2027-09-10', '2028-03-10', '2029-02-10'];
const problemFor =
  (minPartners: number) =>
  (window: TimeWindow): SearchProblem => ({
    totalTenths: 180,
    groupMinTenths: [],
    minPartners,
    recognitionCapTenths: 0,
    missingMandatory: 0,
    codes: dated.flatMap((date, i) =>
      date >= window.start && date <= window.deadline
        ? [{ code: `M${i}`, group: -1, options: [{ index: i, tenths: 60, providerId: `p${i}` }] }]
        : [],
    ),
    recognitions: [],
  });

describe('chooseWindow', () => {
  it('keeps the window that counts the most, even when later ones also meet the rules', () => {
    // 18 months: from 2027-01-10 four modules; from 2027-05-10 or 2027-09-10 three, enough for the rules.
    const choice = chooseWindow(dated, 18, problemFor(3));
    expect(choice?.window).toEqual({ start: '2027-01-10', deadline: '2028-07-10' });
    expect(choice?.result.score).toEqual({ unmet: 0, tenths: 240 });
    expect(choice?.exact).toBe(true);
  });

  it('takes the latest start among windows that count as much', () => {
    // 24 months: the windows from 2027-01-10 and from 2027-05-10 both hold four modules.
    expect(chooseWindow(dated, 24, problemFor(3))?.window.start).toBe('2027-05-10');
    // One month: each window holds one module, so all are equal and the latest wins.
    expect(chooseWindow(dated, 1, problemFor(1))?.window.start).toBe('2029-02-10');
  });

  it('has no window without a start date', () => {
    expect(chooseWindow([], 12, problemFor(0))).toBeNull();
  });

  it('shares one node budget between the windows and says when it ran out', () => {
    // Here each window costs one node: two nodes search the two latest starts only.
    const limited = chooseWindow(dated, 12, problemFor(3), 2);
    expect(limited?.exact).toBe(false);
    expect(limited?.window.start).toBe('2028-03-10');
    expect(chooseWindow(dated, 12, problemFor(3), 2)).toEqual(limited);
  });
});

describe('searchBetter', () => {
  const problem = problemFor(3)({ start: '2027-01-01', deadline: '2029-12-31' });

  it('finds what searchAssignment finds when there is nothing to beat', () => {
    expect(searchBetter(problem, null).result).toEqual(searchAssignment(problem));
  });

  it('stops at the root when the window cannot beat the best so far', () => {
    expect(searchBetter(problem, { unmet: 0, tenths: 300 })).toEqual({ result: null, nodes: 1, exact: true });
    expect(searchBetter(problem, { unmet: 0, tenths: 299 }).result?.score).toEqual({ unmet: 0, tenths: 300 });
  });
});
