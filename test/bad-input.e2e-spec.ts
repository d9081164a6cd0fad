import PDFKit from 'pdfkit';
import { createDeflate } from 'node:zlib';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

describe('bad input gets a typed error and changes nothing', () => {
  let server: TestServer;
  let staff: string;
  let enrolmentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.login(UPM_STAFF);
    enrolmentId = await anEnrolment(server, (await aLearner(server)).id);
  });

  afterAll(() => server.close());

  const tables = ['assessment_result', 'credential', 'audit_log', 'enrolment'];
  const snapshot = async () => {
    const counts: number[] = [];
    for (const table of tables) counts.push(await server.count(table));
    return counts;
  };

  it.each([
    ['an empty grade', { grade: '' }, 'grade'],
    ['a grade outside the HEI’s scale', { grade: '11' }, 'grade'],
    ['a pass the scale says is a fail', { grade: '3.0', passed: true }, 'passed'],
    ['a date that is not a date', { assessedOn: '10/11/2026' }, 'assessedOn'],
    ['an instant instead of a date', { assessedOn: '2026-11-10T10:00:00Z' }, 'assessedOn'],
    ['a month instead of a date', { assessedOn: '2026-11' }, 'assessedOn'],
    ['a week date', { assessedOn: '2026-W45' }, 'assessedOn'],
    ['a day that does not exist', { assessedOn: '2026-02-29' }, 'assessedOn'],
    ['a date in the future', { assessedOn: '2099-01-01' }, 'assessedOn'],
    ['a date before the offering', { assessedOn: '2026-01-01' }, 'assessedOn'],
    ['more credits than the module has', { creditsAwarded: 60 }, 'creditsAwarded'],
    ['negative credits', { creditsAwarded: -1 }, 'creditsAwarded'],
    ['an enrolment id that is not a UUID', { enrolmentId: 'abc' }, 'enrolmentId'],
  ])('refuses a result with %s, naming the field', async (_what, change, field) => {
    const before = await snapshot();
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, change) }, staff);
    expect(data ?? null).toBeNull(); // absent when refused before execution (a non-UUID id)
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.field ?? errors?.[0].message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['2028-08', '20280831', '2028-W35', '2028-08-31T00:00:00Z', '2027-02-29'])(
    'refuses an edition ending on %p with BAD_USER_INPUT, not a database error',
    async (endsOn) => {
      const admin = await server.login(ADMIN);
      const editions = await server.count('edition');
      const { errors } = await server.gql(
        'mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }',
        { input: { code: '2029-2030', startsOn: '2029-09-01', endsOn, degreePlaces: 10 } },
        admin,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
      expect(await server.count('edition')).toBe(editions);
    },
  );

  it('refuses a result for an enrolment that does not exist', async () => {
    const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult('6f1c1b1e-0000-4000-8000-000000000000') }, staff);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a module with an EQF level out of range, naming the field', async () => {
    const admin = await server.login(ADMIN);
    const { data: orgs } = await server.gql('{ organisations(kind: HEI, countryCode: "ES") { items { id } } }');
    const before = await server.count('module');
    const { errors } = await server.gql(
      'mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }',
      {
        input: {
          code: 'UPM-BAD-01',
          providerId: orgs.organisations.items[0].id,
          title: 'Bad module',
          description: 'A module with a bad level.',
          learningOutcomes: ['x outcome'],
          ectsCredits: 6,
          eqfLevel: 11,
          workloadHours: 150,
          language: 'en',
          assessmentType: 'Exam',
          participationForm: 'ONLINE',
          qualityAssurance: 'ANECA',
        },
      },
      admin,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eqfLevel' });
    expect(await server.count('module')).toBe(before);
  });

  it('answers a wrong password with UNAUTHENTICATED, the same as an unknown account', async () => {
    const login = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
    const wrong = await server.gql(login, { input: { email: UPM_STAFF, password: 'not-the-password' } });
    const unknown = await server.gql(login, { input: { email: 'nobody@nowhere.example', password: 'not-the-password' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED', async () => {
    const { status, errors } = await server.gql('{ modules { totalCount ');
    expect(status).toBe(400);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a query nested too deep', async () => {
    const deep =
      '{ enrolments { items { offering { module { provider { id } prerequisites { prerequisites { prerequisites { prerequisites { prerequisites { code } } } } } } } } } }';
    const { errors } = await server.gql(deep, {}, staff);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/nested/);
  });

  it('answers a body that is not JSON with a 400 and a JSON error', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('refuses page sizes over the limit', async () => {
    const { errors } = await server.gql('{ modules(limit: 1000) { totalCount } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  describe('CVs', () => {
    let learner: { token: string };
    let applicationId: string;

    beforeAll(async () => {
      learner = await aLearner(server);
      const { data, errors } = await server.gql(
        'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
        { input: { motivation: 'I lead the digital services unit of my city and want to bring AI governance into our procurement.' } },
        learner.token,
      );
      if (!data) throw new Error(JSON.stringify(errors));
      applicationId = data.apply.id;
    });

    const upload = (content: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([content], { type: 'application/pdf' }), 'cv.pdf');
      return fetch(`${server.url}/applications/${applicationId}/cv`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${learner.token}` },
      });
    };
    const stored = () => server.count(`application_document WHERE application_id = '${applicationId}'`);

    /** A real PDF, as pdfkit writes it, of `pages` pages. */
    const aGenuinePdf = (pages = 1) =>
      new Promise<Buffer>((resolve) => {
        const doc = new PDFKit();
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.text('Curriculum vitae');
        for (let page = 2; page <= pages; page++) doc.addPage().text(`Page ${page}`);
        doc.end();
      });

    it('refuses a CV of more than two pages, and stores nothing', async () => {
      const response = await upload(await aGenuinePdf(3));
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'CV_TOO_LONG', field: 'file' });
      expect(await stored()).toBe(0);
    });

    it('refuses a PDF that is also a web page, and stores nothing', async () => {
      const polyglot = Buffer.concat([await aGenuinePdf(), Buffer.from('<html><script>fetch("/graphql")</script></html>')]);
      const response = await upload(polyglot);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'UNSAFE_PDF', field: 'file' });
      expect(await stored()).toBe(0);
    });

    it('refuses a flate bomb (200 MB inflated, small on the wire), and stores nothing', async () => {
      const deflate = createDeflate({ level: 9 });
      const chunks: Buffer[] = [];
      deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise((resolve) => deflate.on('end', resolve));
      const megabyte = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < 200; i++) deflate.write(megabyte);
      deflate.end();
      await ended;
      const bomb = Buffer.concat(chunks);
      const pdf = Buffer.concat([
        Buffer.from(
          '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n',
        ),
        Buffer.from(`3 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`),
        bomb,
        Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      ]);
      expect(pdf.length).toBeLessThan(1024 * 1024);
      const response = await upload(pdf);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'UNSAFE_PDF' });
      expect(await stored()).toBe(0);
    });

    it('accepts a genuine PDF of two pages', async () => {
      const response = await upload(await aGenuinePdf(2));
      expect(response.status).toBe(201);
      expect(await stored()).toBe(1);
    });
  });

  describe('grades of an HEI without a grading scale', () => {
    let fau: string;
    let fauEnrolment: string;

    beforeAll(async () => {
      fau = await server.login(FAU_STAFF);
      fauEnrolment = await anEnrolment(server, (await aLearner(server)).id, 'FAU-MLP-01', FAU_STAFF);
      await server.db.query("UPDATE organisation SET grading_scale_id = NULL WHERE short_name = 'FAU'");
    });

    it.each([
      ['markup', '<b>1.7</b>'],
      ['a script', '<script>x</script>'],
      ['a control character', '1.7\u0007'],
      ['quotes', '"1.7"'],
    ])('refuses a grade with %s, and records nothing', async (_what, grade) => {
      const before = await snapshot();
      const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(fauEnrolment, { grade, passed: true }) }, fau);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.grade' });
      expect(await snapshot()).toEqual(before);
    });

    it('accepts a plain grade as given', async () => {
      const { data, errors } = await server.gql(
        RECORD_RESULT,
        { input: aPassingResult(fauEnrolment, { grade: 'sehr gut', passed: true }) },
        fau,
      );
      expect(errors).toBeUndefined();
      expect(data.recordResult.result.grade).toBe('sehr gut');
      const { rows } = await server.db.query('SELECT grade FROM assessment_result WHERE enrolment_id = $1', [fauEnrolment]);
      expect(rows.map((r) => r.grade)).toEqual(['sehr gut']);
    });
  });
});
