import { ADMIN } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const TARGETS = `query($edition: ID) { programmeTargets(editionId: $edition) {
  graduates { target actual percentOfTarget projected onTrack }
  moduleParticipants { target actual percentOfTarget projected onTrack }
  publicSectorShare { target actual publicParticipants participants onTrack }
  byEdition { label participants publicParticipants publicSharePercent graduates }
  byCountry { key participants publicParticipants graduates }
  byPartner { label participants graduates }
  bySector { key participants graduates }
  monthly { month participants graduates publicSharePercent } } }`;

/**
 * The demo data, counted by hand: eight learners take modules. Public sector: Ieva (LV, the one
 * graduate), Pablo (ES), Lucía (ES), Marco (IT), Kadri (EE); then Anna (DE, private), Jonas (DE,
 * academic), Sofia (IT, non-profit). 2025-2026: Ieva and Pablo; 2026-2027: everyone but Ieva.
 */
describe('programme targets', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  afterAll(() => server.close());

  it('match the hand-counted demo programme, overall and by breakdown', async () => {
    const { data, errors } = await server.gql(TARGETS, {}, admin);
    expect(errors).toBeUndefined();
    const t = data.programmeTargets;
    expect(t.graduates).toMatchObject({ target: 800, actual: 1, percentOfTarget: 0.1, onTrack: false });
    expect(t.moduleParticipants).toMatchObject({ target: 2200, actual: 8, percentOfTarget: 0.4, onTrack: false });
    expect(t.publicSectorShare).toEqual({ target: 40, actual: 62.5, publicParticipants: 5, participants: 8, onTrack: true });
    expect(t.byEdition).toEqual([
      { label: '2025-2026', participants: 2, publicParticipants: 2, publicSharePercent: 100, graduates: 1 },
      { label: '2026-2027', participants: 7, publicParticipants: 4, publicSharePercent: 57.1, graduates: 0 },
    ]);
    const byCountry = Object.fromEntries(t.byCountry.map((c: Json) => [c.key, [c.participants, c.publicParticipants, c.graduates]]));
    expect(byCountry).toEqual({ ES: [2, 2, 0], IT: [2, 1, 0], DE: [2, 0, 0], EE: [1, 1, 0], LV: [1, 1, 1] });
    const bySector = Object.fromEntries(t.bySector.map((s: Json) => [s.key, [s.participants, s.graduates]]));
    expect(bySector).toEqual({ PUBLIC: [5, 1], PRIVATE: [1, 0], ACADEMIC: [1, 0], NONPROFIT: [1, 0] });
    const byPartner = Object.fromEntries(t.byPartner.map((p: Json) => [p.label, [p.participants, p.graduates]]));
    // UPM: Ieva, Pablo, Lucía, Anna; POLIMI: Ieva, Pablo, Lucía, Marco, Sofia; FAU: Ieva, Pablo, Marco, Anna, Jonas; TalTech: Ieva, Pablo, Lucía, Kadri, Jonas.
    expect(byPartner).toEqual({ UPM: [4, 1], POLIMI: [5, 1], FAU: [5, 1], TalTech: [5, 1] });
  });

  it('gives a monthly series from the programme start, and a projection', async () => {
    const { data } = await server.gql(TARGETS, {}, admin);
    const { monthly, moduleParticipants } = data.programmeTargets;
    expect(monthly[0].month).toBe('2025-09');
    expect(monthly.at(-1)).toMatchObject({ participants: 8, graduates: 1, publicSharePercent: 62.5 });
    const months = monthly.map((m: Json) => m.participants);
    expect(months).toEqual([...months].sort((a: number, b: number) => a - b));
    const ieva = monthly.find((m: Json) => m.graduates === 1);
    expect(ieva.month).toBe(new Date().toISOString().slice(0, 7));
    expect(moduleParticipants.projected).toBeGreaterThanOrEqual(8);
  });

  it('limits every figure to one edition when asked', async () => {
    const { data: editions } = await server.gql('{ programme { editions { id code } } }');
    const first = editions.programme.editions.find((e: Json) => e.code === '2025-2026');
    const { data } = await server.gql(TARGETS, { edition: first.id }, admin);
    const t = data.programmeTargets;
    expect(t.moduleParticipants.actual).toBe(2);
    expect(t.publicSectorShare).toMatchObject({ actual: 100, participants: 2 });
    expect(t.graduates.actual).toBe(1);
    expect(t.byEdition).toHaveLength(1);
    expect(Object.fromEntries(t.byPartner.map((p: Json) => [p.label, p.participants]))).toEqual({ UPM: 2, POLIMI: 2, FAU: 2, TalTech: 2 });
  });

  it('keeps its counters equal to a recount from the enrolments, as learners enrol and change sector', async () => {
    const counts = async () =>
      (
        await server.db.query(
          'SELECT scope, edition_id, provider_id, country_code, sector, month, participants FROM participation_count WHERE participants > 0 ORDER BY 1, 2, 3, 4, 5, 6',
        )
      ).rows;
    await server.db.query("UPDATE learner SET sector = 'PRIVATE', country_code = 'FR' WHERE email = 'kadri.tamm@ria.example'");
    const kept = await counts();
    await server.db.query('SELECT rebuild_participation()');
    expect(await counts()).toEqual(kept);
    const { data } = await server.gql(TARGETS, {}, admin);
    expect(data.programmeTargets.publicSectorShare).toMatchObject({ publicParticipants: 4, participants: 8, actual: 50 });
    expect(data.programmeTargets.byCountry.find((c: Json) => c.key === 'FR')).toMatchObject({ participants: 1, publicParticipants: 0 });
  });

  it('is for the programme office only, and refuses an unknown edition', async () => {
    const learner = await server.login('lucia.martin@madrid.example');
    expect((await server.gql(TARGETS, {}, learner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await server.gql(TARGETS, { edition: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
