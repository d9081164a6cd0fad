import { Edition } from '@magix/programme';
import { degreeWindow } from './degree-intake';
import { freePlaces } from './places';

const edition = (fields: Partial<Edition>): Edition =>
  ({ id: 'e', programmeId: 'p', code: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-08-31', degreePlaces: 2, ...fields }) as Edition;

describe('degree intake windows', () => {
  it('is open from the start until the edition ends when the office set no dates', () => {
    expect(degreeWindow(edition({ degreeApplicationsOpenOn: null, degreeApplicationsCloseOn: null }))).toEqual({
      opensOn: '0000-01-01',
      closesOn: '2027-08-31',
    });
  });

  it('keeps the dates the office set', () => {
    const window = degreeWindow(edition({ degreeApplicationsOpenOn: '2027-01-15', degreeApplicationsCloseOn: '2027-03-31' }));
    expect(window).toEqual({ opensOn: '2027-01-15', closesOn: '2027-03-31' });
  });

  it('counts admitted applicants against the places as offerings count offers', () => {
    expect(freePlaces({ capacity: 2, enrolled: 0, pendingOffers: 2 })).toBe(0);
    expect(freePlaces({ capacity: 2, enrolled: 1, pendingOffers: 0 })).toBe(1);
  });
});
