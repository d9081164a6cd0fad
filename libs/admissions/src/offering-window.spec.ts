import { EditionState } from '@magix/programme';
import { offeringTakesApplications, offeringWindow } from './offering-window';

const offering = (applicationsOpenOn: string | null, applicationsCloseOn: string | null) => ({
  applicationsOpenOn,
  applicationsCloseOn,
  startsOn: '2027-02-01',
});
const OPEN = { state: EditionState.OPEN };

describe('offering application windows', () => {
  it('closes when the offering starts unless a last day is set', () => {
    expect(offeringWindow(offering(null, null))).toEqual({ opensOn: null, closesOn: '2027-02-01' });
    expect(offeringWindow(offering('2026-11-01', '2027-01-15'))).toEqual({ opensOn: '2026-11-01', closesOn: '2027-01-15' });
  });

  it('takes applications from the first day to the last, both included, only in an OPEN edition', () => {
    const window = offering('2026-11-01', '2027-01-15');
    expect(offeringTakesApplications(window, OPEN, '2026-10-31')).toBe(false);
    expect(offeringTakesApplications(window, OPEN, '2026-11-01')).toBe(true);
    expect(offeringTakesApplications(window, OPEN, '2027-01-15')).toBe(true);
    expect(offeringTakesApplications(window, OPEN, '2027-01-16')).toBe(false);
    expect(offeringTakesApplications(window, { state: EditionState.PLANNED }, '2026-12-01')).toBe(false);
    expect(offeringTakesApplications(offering(null, null), OPEN, '2027-02-02')).toBe(false);
  });
});
