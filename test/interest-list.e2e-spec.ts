import { ADMIN } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const JOIN = 'mutation($input: JoinInterestListInput!) { joinInterestList(input: $input) { message } }';
const LEAVE = 'mutation($token: String!) { leaveInterestList(token: $token) { message } }';

let counter = 0;
const aPerson = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return { name: `Person ${counter}`, email: `interested-${counter}-${Date.now()}@example.org`, ...overrides };
};

/** The interest list: anyone joins without an account, leaves with a token, hears once when an edition opens. */
describe('interest list', () => {
  let server: TestServer;
  let admin: string;
  let leaver = '';

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  afterAll(() => server.close());

  const member = async (email: string) =>
    (await server.db.query('SELECT * FROM interest_list_member WHERE lower(email) = lower($1)', [email])).rows;
  const mailsTo = async (email: string) =>
    (await server.db.query('SELECT subject, body FROM outbox_message WHERE lower(recipient) = lower($1) ORDER BY id', [email])).rows;
  const post = (path: string, body: string, type: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('takes anyone, without an account; joining twice keeps one row, one mail, and the same answer', async () => {
    const person = aPerson({ preferredLanguage: 'es', profile: 'PUBLIC_STAFF' });
    const first = await server.gql(JOIN, { input: person });
    expect(first.errors).toBeUndefined();
    const again = await server.gql(JOIN, { input: { ...person, name: 'Someone Else', email: person.email.toUpperCase() } });
    expect(again.data).toEqual(first.data);
    const rows = await member(person.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: person.name, preferred_language: 'es', profile: 'PUBLIC_STAFF' });
    const mails = await mailsTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain(`/interest-list/leave?token=${rows[0].leave_token}`);
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
    const form = await post(
      '/interest-list',
      new URLSearchParams({ ...person, preferredLanguage: '', profile: '' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('If this address was not on the interest list, it is now');
    expect(await member(person.email)).toHaveLength(1);

    const json = aPerson();
    const answer = await post('/interest-list', JSON.stringify(json), 'application/json');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as Json).message).toContain('If this address was not on the interest list');
    expect(await member(json.email)).toHaveLength(1);
  });

  it('lets a member leave with the token of their link; a wrong token changes nothing; opening the link alone removes no one', async () => {
    const person = aPerson();
    await server.gql(JOIN, { input: person });
    const [row] = await member(person.email);
    const before = await server.count('interest_list_member');

    const wrong = await server.gql(LEAVE, { token: 'A'.repeat(43) });
    expect(wrong.data.leaveInterestList.message).toContain('If this link was still valid');
    expect((await server.gql(LEAVE, { token: 'short' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const link = await fetch(`${server.url}/interest-list/leave?token=${row.leave_token}`);
    expect(await link.text()).toContain(`name="token" value="${row.leave_token}"`);
    expect(await server.count('interest_list_member')).toBe(before);

    const left = await post(
      '/interest-list/leave',
      new URLSearchParams({ token: row.leave_token }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(left.status).toBe(200);
    expect(await member(person.email)).toEqual([]);
    expect(await server.count('interest_list_member')).toBe(before - 1);
    leaver = person.email;
  });

  describe('opening an edition', () => {
    const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`;
    const OPEN = 'mutation($id: ID!) { openEdition(editionId: $id) { state } }';

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
      (await server.db.query('SELECT recipient, body FROM outbox_message WHERE subject = $1', [`The ${code} edition of MAGIX is open`]))
        .rows;

    it('mails every member once, with the dates for people, the window and the link; opening again mails no one', async () => {
      const people = [aPerson(), aPerson({ preferredLanguage: 'it' })];
      for (const person of people) await server.gql(JOIN, { input: person });
      const members = await server.count('interest_list_member');
      const id = await plan('2028-2029', '2028-09-01', '2029-03-31');
      expect(await openingMails('2028-2029')).toEqual([]);

      expect((await server.gql(OPEN, { id }, admin)).data.openEdition.state).toBe('OPEN');
      const mails = await openingMails('2028-2029');
      expect(mails).toHaveLength(members);
      expect(new Set(mails.map((m: Json) => m.recipient.toLowerCase())).size).toBe(members);
      const english = mails.find((m: Json) => m.recipient === people[0].email);
      expect(english.body).toContain('It runs from Friday, 1 September 2028 to Saturday, 31 March 2029.');
      expect(english.body).toContain('taken from Tuesday, 1 February 2028 to Wednesday, 31 May 2028, for 20 places');
      expect(english.body).toMatch(/catalogue: https?:\/\/\S+/);
      const [row] = await member(people[0].email);
      expect(english.body).toContain(`/interest-list/leave?token=${row.leave_token}`);
      expect(mails.find((m: Json) => m.recipient === people[1].email).body).toContain('1 settembre 2028');

      await server.gql(OPEN, { id }, admin);
      expect(await openingMails('2028-2029')).toHaveLength(members);
      expect(await server.count(`interest_list_notice WHERE edition_id = '${id}'`)).toBe(members);
    });

    it('mails each member exactly once when the office opens the same edition concurrently', async () => {
      const id = await plan('2029-2030', '2029-04-01', '2029-08-31');
      const members = await server.count('interest_list_member');
      const answers = await Promise.all([1, 2, 3, 4].map(() => server.gql(OPEN, { id }, admin)));
      expect(answers.every((a) => a.data?.openEdition.state === 'OPEN')).toBe(true);
      expect(await openingMails('2029-2030')).toHaveLength(members);
    });

    it('leaves out who left before the opening', async () => {
      const mails = await mailsTo(leaver);
      expect(mails.map((m: Json) => m.subject)).toEqual(['You are on the MAGIX interest list']);
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
