import { TargetMetric } from '@magix/programme';
import { assembleTargets, TargetRows } from './targets.assemble';

const rows: TargetRows = {
  totals: { participants: 10, self_standing: 8, public: 5, mismatched: 1 },
  byCountrySector: [
    { dimension: 'country', key: 'IT', label: 'IT', participants: 4, self_standing: 3, public: 1 },
    { dimension: 'country', key: 'ES', label: 'ES', participants: 6, self_standing: 5, public: 4 },
    { dimension: 'sector', key: 'PUBLIC', label: 'PUBLIC', participants: 5, self_standing: 4, public: 5 },
  ],
  byEdition: [],
  byPartner: [],
  monthlyPeople: [{ month: '2025-10', participants: 10, self_standing: 8, public: 5 }],
  graduatesBy: [
    { dimension: 'total', key: 'total', graduates: 2 },
    { dimension: 'country', key: 'ES', graduates: 2 },
  ],
  monthlyGraduates: [{ month: '2026-06', graduates: 2 }],
  partnerGraduates: [],
  members: { organisations: 4, countries: 4, codes: ['DE', 'EE', 'ES', 'IT'] },
  mismatches: [],
};
const scope = (goals: Array<[TargetMetric, number]>) => ({
  editionId: null,
  startsOn: '2025-09-01',
  endsOn: '2029-08-31',
  goals: new Map(goals),
  now: new Date('2026-12-01T00:00:00Z'),
});

describe('assembleTargets', () => {
  it('compares each figure with its target row', () => {
    const t = assembleTargets(
      scope([
        [TargetMetric.MODULE_PARTICIPANTS, 4],
        [TargetMetric.PUBLIC_SECTOR_SHARE, 40],
        [TargetMetric.MEMBER_ORGANISATIONS, 4],
      ]),
      rows,
    );
    expect(t.moduleParticipants).toMatchObject({ target: 4, targetSet: true, actual: 8, percentOfTarget: 200, onTrack: true });
    expect(t.publicSectorShare).toMatchObject({ target: 40, targetSet: true, actual: 50, onTrack: true });
    expect(t.memberOrganisations).toEqual({ target: 4, targetSet: true, actual: 4, percentOfTarget: 100, reached: true });
    expect(t.byCountry.map((c) => [c.key, c.graduates])).toEqual([
      ['ES', 2],
      ['IT', 0],
    ]);
  });

  it('says "no target set" apart from a target of 0: never on track, never reached', () => {
    const t = assembleTargets(scope([[TargetMetric.GRADUATES, 0]]), rows);
    expect(t.graduates).toMatchObject({ target: 0, targetSet: true, onTrack: true });
    expect(t.moduleParticipants).toMatchObject({ target: 0, targetSet: false, percentOfTarget: 0, onTrack: false });
    expect(t.publicSectorShare).toMatchObject({ target: 0, targetSet: false, onTrack: false });
    expect(t.memberCountries).toEqual({ target: 0, targetSet: false, actual: 4, percentOfTarget: 0, reached: false });
  });
});
