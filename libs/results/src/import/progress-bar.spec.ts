import { progressBar } from './progress-bar';

describe('progressBar', () => {
  it('fills in proportion to the rows done', () => {
    expect(progressBar(0, 200, 0, 10)).toBe('[░░░░░░░░░░]   0%  0/200');
    expect(progressBar(70, 200, 0, 10)).toBe('[███░░░░░░░]  35%  70/200');
    expect(progressBar(200, 200, 0, 10)).toBe('[██████████] 100%  200/200');
  });

  it('is full only when every row is done', () => {
    expect(progressBar(199, 200, 0, 10)).toBe('[█████████░]  99%  199/200');
  });

  it('names failures, and treats an empty import as complete', () => {
    expect(progressBar(10, 20, 2, 4)).toBe('[██░░]  50%  10/20  (2 failed)');
    expect(progressBar(0, 0, 0, 4)).toBe('[████] 100%  0/0');
  });

  it('keeps its width whatever the counters say', () => {
    expect(progressBar(250, 200, 0, 10)).toContain('[██████████] 100%');
    expect(progressBar(-5, 200, 0, 10)).toContain('[░░░░░░░░░░]   0%');
  });
});
