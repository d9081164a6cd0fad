import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { isCountryCode } from '@magix/common';
import { ADMIN, aLearner, anEnrolment, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const TARGETS = `query($edition: ID) { programmeTargets(editionId: $edition) {
  graduates { target actual percentOfTarget projected onTrack }
  moduleParticipants { target actual percentOfTarget projected onTrack }
  publicSectorShare { target actual publicParticipants participants mismatchedSectors onTrack }
  memberOrganisations { target actual percentOfTarget reached }
  memberCountries { target actual percentOfTarget reached }
  memberCountryCodes
  sectorMismatches { learnerId name declaredSector employer employerKind countedSector }
  byEdition { label participants selfStandingParticipants publicParticipants publicSharePercent graduates }
  byCountry { key participants publicParticipants graduates }
  byPartner { label participants graduates }
  bySector { key participants graduates }
  monthly { month participants allParticipants graduates publicSharePercent } } }`;

const MOTIVATION = 'I lead the digital services unit of my city and want to bring AI governance into our procurement.';

/**
 * The demo data, counted by hand: eight learners take modules. Public sector: Ieva (LV, the one
 * graduate, so a degree student), Pablo (ES), Lucía (ES), Marco (IT), Kadri (EE); then Anna (DE,
 * private), Jonas (DE, academic), Sofia (IT, non-profit). 2025-2026: Ieva and Pablo; 2026-2027:
 * everyone but Ieva. The consortium: UPM (ES), POLIMI (IT), FAU (DE), TalTech (EE).
 */
describe('programme targets', () => {
  let server: TestServer;
  let admin: string;
  let editions: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editions = Object.fromEntries(data.programme.editions.map((e: Json) => [e.code, e.id]));
  });

  afterAll(() => server.close());

  const targets = async (edition?: string) => {
    const { data, errors } = await server.gql(TARGETS, { edition }, admin);
    if (!data) throw new Error(JSON.stringify(errors));
    return data.programmeTargets;
  };
  const organisationId = async (shortName: string) =>
    (await server.db.query('SELECT id FROM organisation WHERE short_name = $1', [shortName])).rows[0].id as string;

  it('match the hand-counted demo programme, overall and by breakdown', async () => {
    const t = await targets();
    expect(t.graduates).toMatchObject({ target: 800, actual: 1, percentOfTarget: 0.1, onTrack: false });
    // Ieva holds the degree: her modules are not self-standing.
    expect(t.moduleParticipants).toMatchObject({ target: 2200, actual: 7, percentOfTarget: 0.3, onTrack: false });
    // The share is over everyone who takes part, degree students included.
    expect(t.publicSectorShare).toEqual({
      target: 40,
      actual: 62.5,
      publicParticipants: 5,
      participants: 8,
      mismatchedSectors: 0,
      onTrack: true,
    });
    expect(t.sectorMismatches).toEqual([]);
    expect(t.byEdition).toEqual([
      { label: '2025-2026', participants: 2, selfStandingParticipants: 1, publicParticipants: 2, publicSharePercent: 100, graduates: 1 },
      { label: '2026-2027', participants: 7, selfStandingParticipants: 7, publicParticipants: 4, publicSharePercent: 57.1, graduates: 0 },
      // Opened in the demo with two admitted degree students, and no module enrolment yet.
      { label: '2027-2028', participants: 0, selfStandingParticipants: 0, publicParticipants: 0, publicSharePercent: 0, graduates: 0 },
    ]);
    const byCountry = Object.fromEntries(t.byCountry.map((c: Json) => [c.key, [c.participants, c.publicParticipants, c.graduates]]));
    expect(byCountry).toEqual({ ES: [2, 2, 0], IT: [2, 1, 0], DE: [2, 0, 0], EE: [1, 1, 0], LV: [1, 1, 1] });
    const bySector = Object.fromEntries(t.bySector.map((s: Json) => [s.key, [s.participants, s.graduates]]));
    expect(bySector).toEqual({ PUBLIC: [5, 1], PRIVATE: [1, 0], ACADEMIC: [1, 0], NONPROFIT: [1, 0] });
    const byPartner = Object.fromEntries(t.byPartner.map((p: Json) => [p.label, [p.participants, p.graduates]]));
    // UPM: Ieva, Pablo, Lucía, Anna; POLIMI: Ieva, Pablo, Lucía, Marco, Sofia; FAU: Ieva, Pablo, Marco, Anna, Jonas; TalTech: Ieva, Pablo, Lucía, Kadri, Jonas.
    expect(byPartner).toEqual({ UPM: [4, 1], POLIMI: [5, 1], FAU: [5, 1], TalTech: [5, 1] });
    expect(t.memberOrganisations).toEqual({ target: 38, actual: 4, percentOfTarget: 10.5, reached: false });
    expect(t.memberCountries).toEqual({ target: 20, actual: 4, percentOfTarget: 20, reached: false });
    expect(t.memberCountryCodes).toEqual(['DE', 'EE', 'ES', 'IT']);
  });

  it('gives a monthly series from the programme start, and a projection', async () => {
    const { monthly, moduleParticipants } = await targets();
    expect(monthly[0].month).toBe('2025-09');
    expect(monthly.at(-1)).toMatchObject({ participants: 7, allParticipants: 8, graduates: 1, publicSharePercent: 62.5 });
    const months = monthly.map((m: Json) => m.allParticipants);
    expect(months).toEqual([...months].sort((a: number, b: number) => a - b));
    const ieva = monthly.find((m: Json) => m.graduates === 1);
    expect(ieva.month).toBe(new Date().toISOString().slice(0, 7));
    expect(moduleParticipants.projected).toBeGreaterThanOrEqual(7);
  });

  it('limits every figure to one edition when asked', async () => {
    const t = await targets(editions['2025-2026']);
    expect(t.moduleParticipants.actual).toBe(1);
    expect(t.publicSectorShare).toMatchObject({ actual: 100, participants: 2, publicParticipants: 2 });
    expect(t.graduates.actual).toBe(1);
    expect(t.byEdition).toHaveLength(1);
    expect(Object.fromEntries(t.byPartner.map((p: Json) => [p.label, p.participants]))).toEqual({ UPM: 2, POLIMI: 2, FAU: 2, TalTech: 2 });
    const current = await targets(editions['2026-2027']);
    expect(current.moduleParticipants.actual).toBe(7);
    expect(current.graduates.actual).toBe(0);
    // Membership has no edition: the same consortium in every scope.
    expect(current.memberOrganisations.actual).toBe(4);
  });

  it('does not count a degree student’s module enrolment as a self-standing participant', async () => {
    const before = await targets();
    const learner = await aLearner(server, { sector: 'PUBLIC' });
    await anEnrolment(server, learner.id, 'UPM-AIG-01');
    const enrolled = await targets();
    expect(enrolled.moduleParticipants.actual).toBe(before.moduleParticipants.actual + 1);
    expect(enrolled.publicSectorShare.participants).toBe(before.publicSectorShare.participants + 1);
    expect(enrolled.byEdition.find((e: Json) => e.label === '2026-2027').selfStandingParticipants).toBe(8);

    await admitToDegree(learner);
    const admitted = await targets();
    expect(admitted.moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    expect(admitted.publicSectorShare).toMatchObject({
      participants: before.publicSectorShare.participants + 1,
      publicParticipants: before.publicSectorShare.publicParticipants + 1,
    });
    expect(admitted.byEdition.find((e: Json) => e.label === '2026-2027')).toMatchObject({ participants: 8, selfStandingParticipants: 7 });
  });

  it('counts neither participants nor the share for an enrolment withdrawn before the offering starts', async () => {
    const before = await targets();
    const learner = await aLearner(server, { sector: 'PUBLIC' });
    const application = await takeAPlace(learner);
    const enrolled = await targets();
    expect(enrolled.moduleParticipants.actual).toBe(before.moduleParticipants.actual + 1);
    expect(enrolled.publicSectorShare.publicParticipants).toBe(before.publicSectorShare.publicParticipants + 1);

    const withdrawn = await server.gql(
      'mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }',
      { id: application },
      learner.token,
    );
    expect(withdrawn.data?.withdrawApplication.status).toBe('WITHDRAWN');
    const row = await server.db.query('SELECT status, withdrawn_at FROM enrolment WHERE learner_id = $1', [learner.id]);
    expect(row.rows).toEqual([{ status: 'WITHDRAWN', withdrawn_at: expect.any(Date) }]);
    const after = await targets();
    expect(after.moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    expect(after.publicSectorShare).toEqual(before.publicSectorShare);
    expect(after.monthly.at(-1)).toEqual(before.monthly.at(-1));
  });

  it('still counts a learner who withdrew after the offering started: they took part', async () => {
    const before = await targets(editions['2025-2026']);
    // Pablo's 2025-2026 modules have started; a withdrawal now (as an HEI's system would record it) is after the start.
    const update = await server.db.query(
      `UPDATE enrolment SET status = 'WITHDRAWN' WHERE learner_id = (SELECT id FROM learner WHERE email = 'pablo.ortega@hacienda.example')
          AND offering_id IN (SELECT id FROM offering WHERE starts_on < current_date AND edition_id = $1)`,
      [editions['2025-2026']],
    );
    expect(update.rowCount).toBeGreaterThan(0);
    const after = await targets(editions['2025-2026']);
    expect(after.moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    expect(after.publicSectorShare).toEqual(before.publicSectorShare);
  });

  it('flags a declared sector that contradicts the employer, and counts the learner in the employer’s sector', async () => {
    const before = await targets();
    const declaresPrivate = await aLearner(server, {
      sector: 'PRIVATE',
      givenName: 'Rosa',
      familyName: 'Vidal',
      employerId: await organisationId('MAD-CITY'),
    });
    const declaresPublic = await aLearner(server, {
      sector: 'PUBLIC',
      givenName: 'Till',
      familyName: 'Becker',
      employerId: await organisationId('DATAWERK'),
    });
    // Not a participant yet: nothing to flag.
    expect((await targets()).sectorMismatches).toEqual([]);
    await anEnrolment(server, declaresPrivate.id, 'UPM-AIG-01');
    await anEnrolment(server, declaresPublic.id, 'UPM-AIG-01');

    const after = await targets();
    expect(after.sectorMismatches).toEqual([
      {
        learnerId: declaresPublic.id,
        name: 'Till Becker',
        declaredSector: 'PUBLIC',
        employer: 'DATAWERK',
        employerKind: 'INDUSTRY',
        countedSector: 'PRIVATE',
      },
      {
        learnerId: declaresPrivate.id,
        name: 'Rosa Vidal',
        declaredSector: 'PRIVATE',
        employer: 'MAD-CITY',
        employerKind: 'PUBLIC_ADMINISTRATION',
        countedSector: 'PUBLIC',
      },
    ]);
    // Two more participants, one more in the public sector (Rosa, by her employer), none for Till's declaration.
    expect(after.publicSectorShare).toMatchObject({
      participants: before.publicSectorShare.participants + 2,
      publicParticipants: before.publicSectorShare.publicParticipants + 1,
      mismatchedSectors: 2,
    });
    const sector = (t: Json, key: string) => t.bySector.find((s: Json) => s.key === key)?.participants ?? 0;
    expect(sector(after, 'PUBLIC')).toBe(sector(before, 'PUBLIC') + 1);
    expect(sector(after, 'PRIVATE')).toBe(sector(before, 'PRIVATE') + 1);
    // Flagged in the edition they take part in, not in the other.
    expect((await targets(editions['2026-2027'])).sectorMismatches).toHaveLength(2);
    expect((await targets(editions['2025-2026'])).sectorMismatches).toEqual([]);
  });

  it('counts member organisations and their countries, and moves when an organisation joins', async () => {
    const create = (shortName: string, countryCode: string, consortiumMember: boolean) =>
      server.gql(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: `${shortName} agency`, shortName, countryCode, kind: 'PUBLIC_ADMINISTRATION', consortiumMember } },
        admin,
      );
    expect((await create('AMA-PT', 'PT', true)).errors).toBeUndefined();
    let t = await targets();
    expect([t.memberOrganisations.actual, t.memberCountries.actual]).toEqual([5, 5]);
    expect(t.memberCountryCodes).toEqual(['DE', 'EE', 'ES', 'IT', 'PT']);
    expect((await create('MINHAP-ES', 'ES', true)).errors).toBeUndefined();
    expect((await create('DINUM-FR', 'FR', false)).errors).toBeUndefined();
    t = await targets();
    expect([t.memberOrganisations.actual, t.memberCountries.actual]).toEqual([6, 5]);
    expect(t.memberOrganisations).toMatchObject({ target: 38, percentOfTarget: 15.8, reached: false });
  });

  it('refuses a country code that is not ISO 3166-1 for organisations and learners, and writes nothing', async () => {
    for (const countryCode of ['XX', 'UK', 'es']) {
      const organisation = await server.gql(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: 'Nowhere agency', shortName: `NOWHERE-${countryCode}`, countryCode, kind: 'OTHER' } },
        admin,
      );
      expect(organisation.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/countryCode$/) });
      const email = `nowhere-${randomBytes(4).toString('hex')}@example.org`;
      const learner = await server.gql(
        'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
        { input: { givenName: 'No', familyName: 'Where', email, countryCode, sector: 'PUBLIC' } },
        admin,
      );
      expect(learner.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/countryCode$/) });
      const registered = await server.gql('mutation($input: RegisterLearnerInput!) { registerLearner(input: $input) { id } }', {
        input: { givenName: 'No', familyName: 'Where', email, countryCode, sector: 'PUBLIC', password: 'a-good-password' },
      });
      expect(registered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/countryCode$/) });
      expect((await server.db.query('SELECT 1 FROM organisation WHERE short_name = $1', [`NOWHERE-${countryCode}`])).rows).toEqual([]);
      expect((await server.db.query('SELECT 1 FROM learner WHERE email = $1', [email])).rows).toEqual([]);
    }
    // Every country the demo data holds is a real one.
    const codes = await server.db.query('SELECT country_code FROM organisation UNION SELECT country_code FROM learner');
    expect(codes.rows.length).toBeGreaterThan(0);
    expect(codes.rows.filter((r) => !isCountryCode(r.country_code))).toEqual([]);
  });

  it('is for the programme office only, and refuses an unknown edition', async () => {
    const learner = await server.login('lucia.martin@madrid.example');
    expect((await server.gql(TARGETS, {}, learner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await server.gql(TARGETS, { edition: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  /** A one-page CV, uploaded to the application (the commission may require one). */
  async function uploadCv(applicationId: string, token: string): Promise<void> {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await pdf.save())], { type: 'application/pdf' }), 'cv.pdf');
    const answer = await fetch(`${server.url}/applications/${applicationId}/cv`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(201);
  }

  /** Runs one review batch (of an offering, or of the degree) that accepts the application. */
  async function acceptInABatch(applicationId: string, offeringId: string | undefined, token: string): Promise<void> {
    const opened = await server.gql(
      'mutation($input: OpenBatchInput!) { openReviewBatch(input: $input) { id } }',
      { input: { offeringId } },
      token,
    );
    const batchId = opened.data?.openReviewBatch.id;
    if (!batchId) throw new Error(JSON.stringify(opened.errors));
    const decided = await server.gql(
      'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { status } }',
      { input: { batchId, applicationId, decision: 'ACCEPTED', reason: 'Commission review' } },
      token,
    );
    expect(decided.data?.decideApplication.status).toBe('ACCEPTED');
    const closed = await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: batchId }, token);
    expect(closed.errors).toBeUndefined();
  }

  /** The learner applies to the degree and the commission accepts them. */
  async function admitToDegree(learner: TestLearner): Promise<void> {
    const applied = await server.gql(
      'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
      { input: { motivation: MOTIVATION } },
      learner.token,
    );
    const id = applied.data?.apply.id;
    if (!id) throw new Error(JSON.stringify(applied.errors));
    await uploadCv(id, learner.token);
    await acceptInABatch(id, undefined, admin);
  }

  /** The learner applies to a new UPM offering that starts next year, is accepted and takes the place. */
  async function takeAPlace(learner: TestLearner): Promise<string> {
    const upm = await server.login(UPM_STAFF);
    const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: 'UPM-AIG-01' });
    const created = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      {
        input: {
          code: `UPM-AIG-01-W${randomBytes(3).toString('hex').toUpperCase()}`,
          moduleId: module.data.module.id,
          editionId: editions['2026-2027'],
          startsOn: '2027-06-01',
          endsOn: '2027-07-31',
          capacity: 5,
        },
      },
      upm,
    );
    const offeringId = created.data?.createOffering.id;
    if (!offeringId) throw new Error(JSON.stringify(created.errors));
    const applied = await server.gql(
      'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
      { input: { offeringId, motivation: MOTIVATION } },
      learner.token,
    );
    const id = applied.data?.apply.id;
    if (!id) throw new Error(JSON.stringify(applied.errors));
    await uploadCv(id, learner.token);
    await acceptInABatch(id, offeringId, upm);
    const taken = await server.gql('mutation($id: ID!) { acceptOffer(applicationId: $id) { status } }', { id }, learner.token);
    expect(taken.data?.acceptOffer.status).toBe('ENROLLED');
    return id;
  }
});
