import { freePlaces, nextInLine, offerDeadline } from './places';

describe('places and the reserve list', () => {
  it('counts enrolments and pending offers against capacity, never below zero', () => {
    expect(freePlaces({ capacity: 10, enrolled: 6, pendingOffers: 3 })).toBe(1);
    expect(freePlaces({ capacity: 2, enrolled: 2, pendingOffers: 1 })).toBe(0);
  });

  it('offers to the reserve list by rank, then by application date', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 9, day));
    const reserve = [
      { id: 'c', reserveRank: 3, submittedAt: at(1) },
      { id: 'a', reserveRank: 1, submittedAt: at(5) },
      { id: 'b', reserveRank: 2, submittedAt: at(2) },
      { id: 'd', reserveRank: null, submittedAt: at(1) },
    ];
    expect(nextInLine(reserve, 2).map((r) => r.id)).toEqual(['a', 'b']);
    expect(nextInLine(reserve, 10).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(nextInLine(reserve, 0)).toEqual([]);
  });

  it('gives an offer seven days', () => {
    expect(offerDeadline(new Date('2026-11-01T10:00:00Z')).toISOString()).toBe('2026-11-08T10:00:00.000Z');
  });
});
