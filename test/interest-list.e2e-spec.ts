import { Clock } from '@magix/common';
import { CONFIRMATION_JOB, InterestListService } from '@magix/interest-list';
import { ADMIN } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const JOIN = 'mutation($input: JoinInterestListInput!) { joinInterestList(input: $input) { message } }';
const CONFIRM = 'mutation($token: String!) { confirmInterestList(token: $token) { message } }';
const LEAVE = 'mutation($token: String!) { leaveInterestList(token: $token) { message } }';
const CONFIRMATION = 'Confirm your place on the MAGIX interest list';
const SPANISH_CONFIRMATION = 'Confirme su inscripción en la lista de interés de MAGIX';

let counter = 0;
const aPerson = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return { name: `Person ${counter}`, email: `interested-${counter}-${Date.now()}@example.org`, ...overrides };
};

/** The interest list: anyone asks to join without an account, confirms the address, leaves with a token, hears once when an edition opens. */
describe('interest list', () => {
  let server: TestServer;
  let admin: string;
  let leaver = '';

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  // Each test starts with a clean count of this client's joins; the last one is about the limit itself.
  beforeEach(() => server.db.query(`DELETE FROM auth_throttle WHERE key LIKE 'interest-list:%'`));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => server.close());

  const member = async (email: string) =>
    (await server.db.query('SELECT * FROM interest_list_member WHERE lower(email) = lower($1)', [email])).rows;
  const mailsTo = async (email: string) =>
    (await server.db.query('SELECT subject, body, sent_at FROM outbox_message WHERE lower(recipient) = lower($1) ORDER BY id', [email]))
      .rows;
  const post = (path: string, body: string, type: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });
  const form = (path: string, fields: Record<string, string>) =>
    post(path, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  const jobsFor = async (memberId: string) =>
    (
      await server.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'memberId' = $2`, [
        CONFIRMATION_JOB,
        memberId,
      ])
    ).rows[0].n as number;
  /** Waits until the background confirmation jobs have all run (the mails are decided there, after the answer). */
  const settled = async () => {
    for (let round = 0; round < 200; round++) {
      const { rows } = await server.db.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
        [CONFIRMATION_JOB],
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The confirmation jobs did not run');
  };
  const joinAndConfirm = async (person: Json) => {
    await server.gql(JOIN, { input: person });
    await settled();
    const [row] = await member(person.email);
    const { data } = await server.gql(CONFIRM, { token: row.confirm_token });
    expect(data.confirmInterestList.message).toContain('If this link was still valid');
    return row;
  };

  it('keeps a new address PENDING and sends it one confirmation mail; joining again sends no second one and answers the same', async () => {
    const person = aPerson({ preferredLanguage: 'es', profile: 'PUBLIC_STAFF' });
    const first = await server.gql(JOIN, { input: person });
    expect(first.errors).toBeUndefined();
    const again = await server.gql(JOIN, { input: { ...person, name: 'Someone Else', email: person.email.toUpperCase() } });
    const third = await server.gql(JOIN, { input: person });
    expect(again.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    await settled();

    const rows = await member(person.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: person.name, preferred_language: 'es', profile: 'PUBLIC_STAFF', status: 'PENDING' });
    expect(rows[0].confirm_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mails = await mailsTo(person.email);
    // In the language the member chose.
    expect(mails.map((m: Json) => m.subject)).toEqual([SPANISH_CONFIRMATION]);
    expect(mails[0].body).toContain(`/interest-list/confirm?token=${rows[0].confirm_token}`);
    expect(mails[0].body).toContain(`/interest-list/leave?token=${rows[0].leave_token}`);
  });

  it('does the same work in the request for a new, a pending and a confirmed address: one member upsert and one job each', async () => {
    const fresh = aPerson();
    await server.gql(JOIN, { input: fresh });
    const [row] = await member(fresh.email);
    expect(await jobsFor(row.id)).toBe(1);

    const confirmed = aPerson();
    const confirmedRow = await joinAndConfirm(confirmed);
    const letters = async () => (await mailsTo(confirmed.email)).map((m: Json) => [m.subject, m.body]);
    const mailsBefore = await letters();
    expect(mailsBefore).toHaveLength(1);
    const again = await server.gql(JOIN, { input: confirmed });
    expect(again.data.joinInterestList.message).toBe((await server.gql(JOIN, { input: aPerson() })).data.joinInterestList.message);
    expect(await jobsFor(confirmedRow.id)).toBe(2);
    await settled();
    // A confirmed member is not mailed again however often someone joins with the address.
    expect(await letters()).toEqual(mailsBefore);
    expect((await member(confirmed.email))[0].status).toBe('CONFIRMED');
  });

  it('sends a pending address a second confirmation only after an hour, with the same link', async () => {
    const person = aPerson();
    await server.gql(JOIN, { input: person });
    await settled();
    const clock = server.app.get(Clock);
    const inAnHour = new Date(clock.now().getTime() + 61 * 60 * 1000);
    jest.spyOn(clock, 'now').mockReturnValue(inAnHour);
    await server.gql(JOIN, { input: person });
    await settled();
    const [row] = await member(person.email);
    const mails = await mailsTo(person.email);
    expect(mails.map((m: Json) => m.subject)).toEqual([CONFIRMATION, CONFIRMATION]);
    for (const mail of mails) expect(mail.body).toContain(`/interest-list/confirm?token=${row.confirm_token}`);
  });

  it('confirms with the right token after a click on the page; a wrong token or opening the link alone changes nothing', async () => {
    const person = aPerson();
    await server.gql(JOIN, { input: person });
    await settled();
    const [row] = await member(person.email);
    const digest = async () => JSON.stringify((await server.db.query('SELECT * FROM interest_list_member ORDER BY id')).rows);
    const before = await digest();

    const wrong = await server.gql(CONFIRM, { token: 'A'.repeat(43) });
    expect(wrong.data.confirmInterestList.message).toContain('If this link was still valid');
    expect(wrong.errors).toBeUndefined();
    expect((await server.gql(CONFIRM, { token: 'short' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const rest = await post('/interest-list/confirm', JSON.stringify({ token: 'nope' }), 'application/json');
    expect(rest.status).toBe(400);
    const page = await fetch(`${server.url}/interest-list/confirm?token=${row.confirm_token}`);
    const html = await page.text();
    expect(html).toContain('<form class="panel" method="post" action="/interest-list/confirm">');
    expect(html).toContain(`name="token" value="${row.confirm_token}"`);
    expect(await digest()).toBe(before);

    const confirmed = await form('/interest-list/confirm', { token: row.confirm_token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('the address is confirmed');
    const [after] = await member(person.email);
    expect(after).toMatchObject({ status: 'CONFIRMED', confirm_token: null });
    expect(after.confirmed_at).not.toBeNull();
    // The used link now changes nothing and answers the same.
    expect((await server.gql(CONFIRM, { token: row.confirm_token })).data.confirmInterestList.message).toBe(
      wrong.data.confirmInterestList.message,
    );
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const before = await server.count('interest_list_member');
    for (const input of [aPerson({ email: 'not-an-email' }), aPerson({ name: '   ' }), aPerson({ preferredLanguage: 'Spanish!' })]) {
      const { errors } = await server.gql(JOIN, { input });
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const rest = await post('/interest-list', JSON.stringify(aPerson({ email: 'nope' })), 'application/json');
    expect(rest.status).toBe(400);
    expect(await rest.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await server.count('interest_list_member')).toBe(before);
  });

  it('serves a plain form page at GET /interest-list, with nothing from another origin, that posts to the list', async () => {
    const page = await fetch(`${server.url}/interest-list`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<form class="panel" method="post" action="/interest-list">');
    expect(html).toMatch(/name="email"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const person = aPerson();
    const answer = await form('/interest-list', { ...person, preferredLanguage: '', profile: '' });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('a mail with a confirmation link is on its way');
    expect(await member(person.email)).toMatchObject([{ status: 'PENDING' }]);

    const json = aPerson();
    const reply = await post('/interest-list', JSON.stringify(json), 'application/json');
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as Json).message).toContain('a mail with a confirmation link is on its way');
    expect(await member(json.email)).toHaveLength(1);
  });

  it('lets a member leave with the token of their link, with every interest-list mail to them; a wrong token changes nothing', async () => {
    const person = aPerson();
    const row = await joinAndConfirm(person);
    // The same address also has an admission letter, sent, and an unrelated pending mail: they stay.
    await server.db.query(
      `INSERT INTO outbox_message (recipient, subject, body, sent_at) VALUES ($1, 'Your application to MAGIX', 'Dear applicant', now()), ($1, 'Your offer', 'An offer', NULL)`,
      [person.email],
    );
    await server.db.query(`UPDATE outbox_message SET sent_at = now() WHERE recipient = $1 AND subject = $2`, [person.email, CONFIRMATION]);
    expect(await mailsTo(person.email)).toHaveLength(3);
    const before = await server.count('interest_list_member');

    const wrong = await server.gql(LEAVE, { token: 'A'.repeat(43) });
    expect(wrong.data.leaveInterestList.message).toContain('If this link was still valid');
    expect((await server.gql(LEAVE, { token: 'short' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const link = await fetch(`${server.url}/interest-list/leave?token=${row.leave_token}`);
    expect(await link.text()).toContain(`name="token" value="${row.leave_token}"`);
    expect(await server.count('interest_list_member')).toBe(before);
    expect(await mailsTo(person.email)).toHaveLength(3);

    const left = await form('/interest-list/leave', { token: row.leave_token });
    expect(left.status).toBe(200);
    expect(await member(person.email)).toEqual([]);
    expect(await server.count('interest_list_member')).toBe(before - 1);
    expect((await mailsTo(person.email)).map((m: Json) => m.subject).sort()).toEqual(['Your application to MAGIX', 'Your offer']);
    leaver = person.email;
  });

  it('purges memberships never confirmed 30 days after the last confirmation mail, with their mails; confirmed ones stay', async () => {
    const pending = aPerson();
    const confirmed = aPerson();
    await server.gql(JOIN, { input: pending });
    await joinAndConfirm(confirmed);
    await settled();
    const list = server.app.get(InterestListService);
    const now = server.app.get(Clock).now();
    await list.purgeUnconfirmed(new Date(now.getTime() + 29 * 24 * 60 * 60 * 1000));
    expect(await member(pending.email)).toHaveLength(1);

    expect(await list.purgeUnconfirmed(new Date(now.getTime() + 31 * 24 * 60 * 60 * 1000))).toBeGreaterThanOrEqual(1);
    expect(await member(pending.email)).toEqual([]);
    expect(await mailsTo(pending.email)).toEqual([]);
    expect(await member(confirmed.email)).toMatchObject([{ status: 'CONFIRMED' }]);
    expect(await mailsTo(confirmed.email)).toHaveLength(1);
  });

  describe('opening an edition', () => {
    const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`;
    const OPEN = 'mutation($id: ID!) { openEdition(editionId: $id) { state } }';
    const confirmedCount = () => server.count(`interest_list_member WHERE status = 'CONFIRMED'`);

    const plan = async (code: string, startsOn: string, endsOn: string) => {
      const input = {
        code,
        startsOn,
        endsOn,
        degreePlaces: 20,
        degreeApplicationsOpenOn: '2028-02-01',
        degreeApplicationsCloseOn: '2028-05-31',
      };
      const { data, errors } = await server.gql(CREATE, { input }, admin);
      if (!data) throw new Error(JSON.stringify(errors));
      return data.createEdition.id as string;
    };
    const openingMails = async (code: string) =>
      // In each member's language: the subject names the edition, and only the list's mails carry a leave link.
      (
        await server.db.query(
          `SELECT recipient, body FROM outbox_message WHERE strpos(subject, $1) > 0 AND strpos(body, '/interest-list/leave?token=') > 0`,
          [code],
        )
      ).rows;

    it('mails every confirmed member once, and no pending one, with the dates for people, the window and the link', async () => {
      const people = [aPerson(), aPerson({ preferredLanguage: 'it' })];
      for (const person of people) await joinAndConfirm(person);
      const unconfirmed = aPerson();
      await server.gql(JOIN, { input: unconfirmed });
      await settled();
      expect(await server.count(`interest_list_member WHERE status = 'PENDING'`)).toBeGreaterThan(0);
      const members = await confirmedCount();
      const id = await plan('2028-2029', '2028-09-01', '2029-03-31');
      expect(await openingMails('2028-2029')).toEqual([]);

      expect((await server.gql(OPEN, { id }, admin)).data.openEdition.state).toBe('OPEN');
      const mails = await openingMails('2028-2029');
      expect(mails).toHaveLength(members);
      expect(new Set(mails.map((m: Json) => m.recipient.toLowerCase())).size).toBe(members);
      expect(mails.find((m: Json) => m.recipient === unconfirmed.email)).toBeUndefined();
      expect((await mailsTo(unconfirmed.email)).map((m: Json) => m.subject)).toEqual([CONFIRMATION]);
      const english = mails.find((m: Json) => m.recipient === people[0].email);
      expect(english.body).toContain('It runs from Friday, 1 September 2028 to Saturday, 31 March 2029.');
      expect(english.body).toContain('taken from Tuesday, 1 February 2028 to Wednesday, 31 May 2028, for 20 places');
      expect(english.body).toMatch(/catalogue: https?:\/\/\S+/);
      const [row] = await member(people[0].email);
      expect(english.body).toContain(`/interest-list/leave?token=${row.leave_token}`);
      const italian = mails.find((m: Json) => m.recipient === people[1].email).body;
      expect(italian).toContain('Va da venerdì 1 settembre 2028 a sabato 31 marzo 2029.');
      // The programme's name too, as the office translated it (the demo's Italian title).
      expect(italian).toContain('Master congiunto in IA, dati e governance digitale per il settore pubblico');
      expect(english.body).toContain('Joint Master in AI, Data and Digital Governance for the Public Sector');
      expect(italian).toContain(`/interest-list/leave?token=${(await member(people[1].email))[0].leave_token}`);

      await server.gql(OPEN, { id }, admin);
      expect(await openingMails('2028-2029')).toHaveLength(members);
      expect(await server.count(`interest_list_notice WHERE edition_id = '${id}'`)).toBe(members);
    });

    it('mails each confirmed member exactly once when the office opens the same edition concurrently', async () => {
      const id = await plan('2029-2030', '2029-04-01', '2029-08-31');
      const members = await confirmedCount();
      const answers = await Promise.all([1, 2, 3, 4].map(() => server.gql(OPEN, { id }, admin)));
      expect(answers.every((a) => a.data?.openEdition.state === 'OPEN')).toBe(true);
      expect(await openingMails('2029-2030')).toHaveLength(members);
    });

    it('leaves out who left before the opening: nothing of them is in the outbox', async () => {
      expect(leaver).not.toBe('');
      expect((await mailsTo(leaver)).map((m: Json) => m.subject).sort()).toEqual(['Your application to MAGIX', 'Your offer']);
    });
  });

  it('throttles joins from one address: refused with TOO_MANY_REQUESTS before anything is written', async () => {
    let refused: Json = null;
    for (let attempt = 0; attempt < 40 && !refused; attempt++) {
      const person = aPerson();
      const { errors } = await server.gql(JOIN, { input: person });
      if (errors?.[0].extensions?.code === 'TOO_MANY_REQUESTS') refused = person;
    }
    expect(refused).not.toBeNull();
    expect(await member(refused.email)).toEqual([]);
  });
});
