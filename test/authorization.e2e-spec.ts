import { randomBytes } from 'node:crypto';
import { AccessService, Permission, Principal } from '@magix/auth';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, TestLearner, UPM_STAFF } from './support/factories';
import { databaseDigest, documentFor, liveOperations, Operation, probeArgs } from './support/operation-probe';
import { aCourseCredentialFor } from './support/credentials';
import { Json, startTestServer, TestServer } from './support/test-server';

type Role = 'LEARNER' | 'ISSUER' | 'ADMIN';
const SIGNED_IN: Role[] = ['LEARNER', 'ISSUER', 'ADMIN'];

/** Rows owned by Alice (a learner) and by UPM (an HEI), that Bob and FAU must not reach. */
interface Fixtures {
  aliceId: string;
  aliceCredentialId: string;
  aliceCredentialDocument: Json;
  aliceShareLinkId: string;
  aliceApplicationId: string;
  aliceRecognitionId: string;
  upmEnrolmentId: string;
  upmOfferingId: string;
  upmOfferingCode: string;
  upmModuleId: string;
  upmOrganisationId: string;
  upmBatchId: string;
  upmImportJobId: string;
  upmDid: string;
  editionId: string;
  challenge: string;
}
type Caller = 'bob' | 'fau';

/** A cross-owner call: refused as if the row did not exist (NOT_FOUND), writing nothing. */
interface Refused {
  as: Caller;
  variables: (f: Fixtures) => Record<string, unknown>;
}
/** A list scoped to the caller: the other owner's row is not in it. */
interface Hidden {
  as: Caller;
  /** Who does see the row: the list is scoped, not empty by accident. */
  seenBy: 'alice' | 'upm' | 'ADMIN';
  document: string;
  variables?: (f: Fixtures) => Record<string, unknown>;
  ids: (data: Json) => string[];
  hidden: (f: Fixtures) => string;
}
interface Rule {
  roles: 'PUBLIC' | Role[];
  /** The row-level rule: how a foreign caller is kept out, or why none is needed. */
  rows: { refused: Refused } | { hidden: Hidden } | { none: string };
}

const own = (why = 'acts only on the caller’s own account') => ({ none: why });
const staffWide = { none: 'programme office only: every row is theirs' };
const open = { none: 'public data' };

/**
 * Every operation of the schema, with who may call it and its row-level rule. A new operation
 * fails this suite until it has a row here.
 */
const RULES: Record<string, Rule> = {
  // Queries
  application: { roles: SIGNED_IN, rows: { refused: { as: 'bob', variables: (f) => ({ id: f.aliceApplicationId }) } } },
  applications: {
    roles: SIGNED_IN,
    rows: {
      hidden: {
        as: 'bob',
        seenBy: 'alice',
        document: '{ applications(limit: 100) { items { id } } }',
        ids: (d) => d.applications.items.map((i: Json) => i.id),
        hidden: (f) => f.aliceApplicationId,
      },
    },
  },
  auditLog: { roles: ['ADMIN'], rows: staffWide },
  credential: { roles: SIGNED_IN, rows: { refused: { as: 'fau', variables: (f) => ({ id: f.aliceCredentialId }) } } },
  degreesToReview: { roles: ['ADMIN'], rows: staffWide },
  enrolments: {
    roles: SIGNED_IN,
    rows: {
      hidden: {
        as: 'fau',
        seenBy: 'upm',
        document: '{ enrolments(limit: 100) { items { id } } }',
        ids: (d) => d.enrolments.items.map((i: Json) => i.id),
        hidden: (f) => f.upmEnrolmentId,
      },
    },
  },
  importJob: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ id: f.upmImportJobId }),
      },
    },
  },
  reviewBatches: { roles: ['ADMIN'], rows: staffWide },
  issuedCredentials: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      hidden: {
        as: 'fau',
        seenBy: 'upm',
        document: '{ issuedCredentials(limit: 100) { items { id } } }',
        ids: (d) => d.issuedCredentials.items.map((i: Json) => i.id),
        hidden: (f) => f.aliceCredentialId,
      },
    },
  },
  learners: {
    roles: SIGNED_IN,
    rows: {
      hidden: {
        as: 'bob',
        seenBy: 'ADMIN',
        document: '{ learners(limit: 100) { items { id } } }',
        ids: (d) => d.learners.items.map((i: Json) => i.id),
        hidden: (f) => f.aliceId,
      },
    },
  },
  me: { roles: SIGNED_IN, rows: own() },
  module: { roles: 'PUBLIC', rows: open },
  modules: { roles: 'PUBLIC', rows: open },
  myCredentials: {
    roles: ['LEARNER'],
    rows: {
      hidden: {
        as: 'bob',
        seenBy: 'alice',
        document: '{ myCredentials(limit: 100) { items { id } } }',
        ids: (d) => d.myCredentials.items.map((i: Json) => i.id),
        hidden: (f) => f.aliceCredentialId,
      },
    },
  },
  myPathwayProgress: { roles: ['LEARNER'], rows: own() },
  myProfile: { roles: ['LEARNER'], rows: own() },
  myShareLinks: {
    roles: ['LEARNER'],
    rows: {
      hidden: {
        as: 'bob',
        seenBy: 'alice',
        document: 'query($c: ID) { myShareLinks(credentialId: $c) { id } }',
        variables: (f) => ({ c: f.aliceCredentialId }),
        ids: (d) => d.myShareLinks.map((l: Json) => l.id),
        hidden: (f) => f.aliceShareLinkId,
      },
    },
  },
  offerings: { roles: 'PUBLIC', rows: open },
  organisations: { roles: 'PUBLIC', rows: open },
  pathwayProgress: { roles: ['ADMIN', 'LEARNER'], rows: { refused: { as: 'bob', variables: (f) => ({ learnerId: f.aliceId }) } } },
  pathwayRules: { roles: SIGNED_IN, rows: { none: 'the programme’s rules, the same for everyone' } },
  programme: { roles: 'PUBLIC', rows: open },
  programmeTargets: { roles: ['ADMIN'], rows: staffWide },
  recognitions: {
    roles: SIGNED_IN,
    rows: {
      hidden: {
        as: 'fau',
        seenBy: 'ADMIN',
        document: '{ recognitions(limit: 100) { items { id } } }',
        ids: (d) => d.recognitions.items.map((i: Json) => i.id),
        hidden: (f) => f.aliceRecognitionId,
      },
    },
  },
  trustRegistry: { roles: 'PUBLIC', rows: open },
  verifyCredential: { roles: 'PUBLIC', rows: open },
  verifyPresentation: { roles: 'PUBLIC', rows: open },

  // Mutations
  acceptOffer: { roles: ['LEARNER'], rows: { refused: { as: 'bob', variables: (f) => ({ applicationId: f.aliceApplicationId }) } } },
  apply: { roles: ['LEARNER'], rows: own('creates the caller’s own application') },
  changePassword: { roles: SIGNED_IN, rows: own() },
  closeReviewBatch: { roles: ['ADMIN', 'ISSUER'], rows: { refused: { as: 'fau', variables: (f) => ({ batchId: f.upmBatchId }) } } },
  confirmDegreeRegistration: { roles: ['ADMIN'], rows: staffWide },
  confirmInterestList: { roles: 'PUBLIC', rows: { none: 'the confirmation token is the capability; a wrong one changes nothing' } },
  correctResult: {
    roles: ['ISSUER'],
    rows: { refused: { as: 'fau', variables: (f) => ({ input: { enrolmentId: f.upmEnrolmentId, grade: '9.0', reason: 'Probe' } }) } },
  },
  createEdition: { roles: ['ADMIN'], rows: staffWide },
  createLearner: { roles: ['ADMIN'], rows: staffWide },
  createModule: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({
          input: {
            code: 'FAU-PROBE-01',
            title: 'Probe module',
            description: 'A module that must never be created',
            learningOutcomes: ['Probes authorization'],
            ectsCredits: 6,
            eqfLevel: 7,
            workloadHours: 150,
            language: 'en',
            assessmentType: 'Written exam',
            participationForm: 'ONLINE',
            qualityAssurance: 'Internal review',
            providerId: f.upmOrganisationId,
            prerequisiteCodes: [],
          },
        }),
      },
    },
  },
  createOffering: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({
          input: {
            code: 'PROBE-1',
            moduleId: f.upmModuleId,
            editionId: f.editionId,
            startsOn: '2027-01-01',
            endsOn: '2027-02-01',
            capacity: 5,
          },
        }),
      },
    },
  },
  createOrganisation: { roles: ['ADMIN'], rows: staffWide },
  createShareLink: {
    roles: ['LEARNER'],
    rows: { refused: { as: 'bob', variables: (f) => ({ input: { credentialId: f.aliceCredentialId } }) } },
  },
  createStaffAccount: { roles: ['ADMIN'], rows: staffWide },
  decideApplication: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({
          input: { batchId: f.upmBatchId, applicationId: f.aliceApplicationId, decision: 'ACCEPTED', reason: 'Probe' },
        }),
      },
    },
  },
  decideRecognition: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: { as: 'fau', variables: (f) => ({ input: { id: f.aliceRecognitionId, approve: true, ectsGranted: 3, reason: 'Probe' } }) },
    },
  },
  declineOffer: { roles: ['LEARNER'], rows: { refused: { as: 'bob', variables: (f) => ({ applicationId: f.aliceApplicationId }) } } },
  disableUser: { roles: ['ADMIN'], rows: staffWide },
  enableUser: { roles: ['ADMIN'], rows: staffWide },
  enrol: {
    roles: ['ADMIN', 'ISSUER'],
    rows: { refused: { as: 'fau', variables: (f) => ({ input: { learnerId: f.aliceId, offeringId: f.upmOfferingId } }) } },
  },
  importResults: {
    roles: ['ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ input: { offeringCode: f.upmOfferingCode, csv: 'email,grade,assessed_on\n', dryRun: false } }),
      },
    },
  },
  issueDegree: { roles: ['ADMIN'], rows: staffWide },
  joinInterestList: {
    roles: 'PUBLIC',
    rows: { none: 'no account: adds the address given, answering the same whether or not it was on the list' },
  },
  leaveInterestList: { roles: 'PUBLIC', rows: { none: 'the leave token is the capability; a wrong one changes nothing' } },
  liftKeyCompromise: { roles: ['ADMIN'], rows: staffWide },
  login: { roles: 'PUBLIC', rows: open },
  openEdition: { roles: ['ADMIN'], rows: staffWide },
  openReviewBatch: {
    roles: ['ADMIN', 'ISSUER'],
    rows: { refused: { as: 'fau', variables: (f) => ({ input: { offeringId: f.upmOfferingId } }) } },
  },
  presentCredentials: {
    roles: ['LEARNER'],
    rows: {
      refused: {
        as: 'bob',
        variables: (f) => ({ input: { credentialIds: [f.aliceCredentialId], challenge: f.challenge, domain: 'hr.example.gov' } }),
      },
    },
  },
  processExpiredOffers: { roles: ['ADMIN'], rows: staffWide },
  recordResult: { roles: ['ISSUER'], rows: { refused: { as: 'fau', variables: (f) => ({ input: aPassingResult(f.upmEnrolmentId) }) } } },
  registerLearner: { roles: 'PUBLIC', rows: open },
  registerWallet: { roles: ['LEARNER'], rows: own() },
  reinstateCredential: {
    roles: ['ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ input: { id: f.aliceCredentialId, reason: 'Probe' } }),
      },
    },
  },
  reportKeyCompromise: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ input: { did: f.upmDid, compromisedFrom: '2026-01-01T00:00:00.000Z', reason: 'Probe' } }),
      },
    },
  },
  requestPresentation: { roles: 'PUBLIC', rows: open },
  resolveDegreeReview: { roles: ['ADMIN'], rows: staffWide },
  retireModule: {
    roles: ['ADMIN', 'ISSUER'],
    rows: { refused: { as: 'fau', variables: (f) => ({ input: { moduleId: f.upmModuleId, reason: 'A probe that must not retire' } }) } },
  },
  revokeCredential: {
    roles: ['ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ input: { id: f.aliceCredentialId, reason: 'Probe' } }),
      },
    },
  },
  revokeShareLink: { roles: ['LEARNER'], rows: { refused: { as: 'bob', variables: (f) => ({ id: f.aliceShareLinkId }) } } },
  rotateSigningKey: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ organisationId: f.upmOrganisationId }),
      },
    },
  },
  setDegreeIntake: { roles: ['ADMIN'], rows: staffWide },
  setMyPreferredLanguage: { roles: ['LEARNER'], rows: own('sets the caller’s own mail language') },
  setPathwayRules: { roles: ['ADMIN'], rows: staffWide },
  setProgrammeTranslations: { roles: ['ADMIN'], rows: staffWide },
  submitRecognition: { roles: ['LEARNER'], rows: own('creates the caller’s own request') },
  suspendCredential: {
    roles: ['ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({ input: { id: f.aliceCredentialId, reason: 'Probe' } }),
      },
    },
  },
  updateEdition: { roles: ['ADMIN'], rows: staffWide },
  updateModule: {
    roles: ['ADMIN', 'ISSUER'],
    rows: {
      refused: {
        as: 'fau',
        variables: (f) => ({
          input: { moduleId: f.upmModuleId, reason: 'A probe that must not update', changes: { title: 'Probe title' } },
        }),
      },
    },
  },
  withdrawApplication: {
    roles: ['LEARNER'],
    rows: { refused: { as: 'bob', variables: (f) => ({ applicationId: f.aliceApplicationId }) } },
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The probe's arguments with the case's own values over them, input objects field by field. */
const withOverrides = (probe: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    [...new Set([...Object.keys(probe), ...Object.keys(overrides)])].map((key) => {
      const [p, o] = [probe[key], overrides[key]];
      return [key, isObject(p) && isObject(o) ? { ...p, ...o } : key in overrides ? o : p];
    }),
  );

const must = (answer: { data?: Json; errors?: unknown }): Json => {
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
};

describe('every role sees and changes only what is theirs', () => {
  let server: TestServer;
  let operations: Operation[];
  let alice: TestLearner;
  let bob: TestLearner;
  let f: Fixtures;
  const tokens: Record<string, string> = {};
  const tokenOf = (who: Role | Caller | 'alice' | 'upm') => tokens[who];

  beforeAll(async () => {
    server = await startTestServer();
    operations = await liveOperations(server);
    alice = await aLearner(server, { givenName: 'Alice' });
    bob = await aLearner(server, { givenName: 'Bob' });
    const [admin, upm, fau] = [await server.login(ADMIN), await server.login(UPM_STAFF), await server.login(FAU_STAFF)];
    Object.assign(tokens, { ADMIN: admin, ISSUER: fau, LEARNER: bob.token, bob: bob.token, fau, upm, alice: alice.token });

    const recorded = must(await server.gql(RECORD_RESULT, { input: aPassingResult(await anEnrolment(server, alice.id)) }, upm));
    const credential = recorded.recordResult.credential;
    const share = must(
      await server.gql('mutation($c: ID!) { createShareLink(input: { credentialId: $c }) { id } }', { c: credential.id }, alice.token),
    );
    const module = (await server.gql('{ module(code: "UPM-AIG-01") { id provider { id } } }')).data.module;
    const editions = (await server.gql('{ programme { editions { id code } } }')).data.programme.editions;
    const offeringCode = `UPM-AIG-01-P${randomBytes(3).toString('hex').toUpperCase()}`;
    const offering = must(
      await server.gql(
        'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
        {
          input: {
            code: offeringCode,
            moduleId: module.id,
            editionId: editions.find((e: Json) => e.code === '2026-2027').id,
            startsOn: '2027-06-01',
            endsOn: '2027-07-31',
            capacity: 5,
          },
        },
        upm,
      ),
    );
    const offeringId = offering.createOffering.id;
    const motivation = 'I lead the digital services unit of my city and want to bring AI governance into our procurement.';
    const applied = must(
      await server.gql(
        'mutation($o: ID) { apply(input: { offeringId: $o, motivation: "' + motivation + '" }) { id } }',
        { o: offeringId },
        alice.token,
      ),
    );
    const batch = must(await server.gql('mutation($o: ID) { openReviewBatch(input: { offeringId: $o }) { id } }', { o: offeringId }, upm));
    const recognition = must(
      await server.gql(
        'mutation($c: JSON!) { submitRecognition(credential: $c) { id } }',
        { c: await aCourseCredentialFor(server, { id: credential.document.credentialSubject.id }) },
        alice.token,
      ),
    );
    const request = must(await server.gql('mutation { requestPresentation(input: { domain: "hr.example.gov" }) { challenge } }'));
    const { rows: staff } = await server.db.query('SELECT id FROM app_user WHERE email = $1', [UPM_STAFF]);
    const { rows: job } = await server.db.query(
      `INSERT INTO import_job (offering_id, file_sha256, rows, total, status, created_by) VALUES ($1, 'probe', '[]', 0, 'DONE', $2) RETURNING id`,
      [offeringId, staff[0].id],
    );
    f = {
      aliceId: alice.id,
      aliceCredentialId: credential.id,
      aliceCredentialDocument: credential.document,
      aliceShareLinkId: share.createShareLink.id,
      aliceApplicationId: applied.apply.id,
      aliceRecognitionId: recognition.submitRecognition.id,
      upmEnrolmentId: await anEnrolment(server, bob.id),
      upmOfferingId: offeringId,
      upmOfferingCode: offeringCode,
      upmModuleId: module.id,
      upmOrganisationId: module.provider.id,
      upmBatchId: batch.openReviewBatch.id,
      upmImportJobId: job[0].id,
      upmDid: credential.issuerDid,
      editionId: editions.find((e: Json) => e.code === '2026-2027').id,
      challenge: request.requestPresentation.challenge,
    };
  });

  afterAll(() => server.close());

  it('has a rule for every operation of the schema, and none for an operation that is gone', () => {
    const live = operations.map((o) => o.name).sort();
    expect(live.filter((name) => !(name in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((name) => !live.includes(name))).toEqual([]);
  });

  it('asks for sign-in on every operation that is not public, and refuses every role not allowed, writing nothing', async () => {
    const before = await databaseDigest(server);
    const wrong: string[] = [];
    for (const operation of operations) {
      const rule = RULES[operation.name];
      if (!rule || rule.roles === 'PUBLIC') continue;
      const args = probeArgs(operation);
      const document = documentFor(operation, args);
      const anonymous = await server.gql(document, args);
      if (anonymous.errors?.[0].extensions?.code !== 'UNAUTHENTICATED')
        wrong.push(`${operation.name} anonymous: ${JSON.stringify(anonymous.errors ?? anonymous.data)}`);
      for (const role of SIGNED_IN.filter((r) => !(rule.roles as Role[]).includes(r))) {
        const refused = await server.gql(document, args, tokenOf(role));
        if (refused.errors?.[0].extensions?.code !== 'FORBIDDEN')
          wrong.push(`${operation.name} as ${role}: ${JSON.stringify(refused.errors ?? refused.data)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseDigest(server)).toEqual(before);
  });

  it('lets the allowed roles past the guard on every query', async () => {
    const wrong: string[] = [];
    for (const operation of operations.filter((o) => o.kind === 'query')) {
      const rule = RULES[operation.name];
      const roles = !rule ? [] : rule.roles === 'PUBLIC' ? [undefined, ...SIGNED_IN] : rule.roles;
      for (const role of roles) {
        const args = probeArgs(operation);
        const answer = await server.gql(documentFor(operation, args), args, role && tokenOf(role));
        const error = answer.errors?.[0];
        if (error?.extensions?.code === 'UNAUTHENTICATED' || /needs the role/.test(error?.message ?? ''))
          wrong.push(`${operation.name} as ${role ?? 'anyone'}: ${error?.message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers a cross-owner call as if the row did not exist, writing nothing', async () => {
    const before = await databaseDigest(server);
    const wrong: string[] = [];
    for (const operation of operations) {
      const rows = RULES[operation.name]?.rows;
      if (!rows || !('refused' in rows)) continue;
      const { as, variables } = rows.refused;
      const args = withOverrides(probeArgs(operation), variables(f));
      const answer = await server.gql(documentFor(operation, args), args, tokenOf(as));
      if (answer.errors?.[0].extensions?.code !== 'NOT_FOUND')
        wrong.push(`${operation.name} as ${as}: ${JSON.stringify(answer.errors ?? answer.data)}`);
    }
    expect(wrong).toEqual([]);
    expect(await databaseDigest(server)).toEqual(before);
  });

  it('leaves the other owner’s rows out of every scoped list, and keeps them in the owner’s', async () => {
    const wrong: string[] = [];
    for (const [name, rule] of Object.entries(RULES)) {
      if (!('hidden' in rule.rows)) continue;
      const { as, document, variables, ids, hidden } = rule.rows.hidden;
      const foreign = await server.gql(document, variables?.(f) ?? {}, tokenOf(as));
      if (!foreign.data) wrong.push(`${name} as ${as}: ${JSON.stringify(foreign.errors)}`);
      else if (ids(foreign.data).includes(hidden(f))) wrong.push(`${name} as ${as} lists ${hidden(f)}`);
      const owner = await server.gql(document, variables?.(f) ?? {}, tokenOf(rule.rows.hidden.seenBy));
      if (!owner.data || !ids(owner.data).includes(hidden(f))) wrong.push(`${name}: ${rule.rows.hidden.seenBy} does not see ${hidden(f)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers for a whole set of ids at once, leaving out foreign, absent and malformed ones', async () => {
    const access = server.app.get(AccessService);
    const { rows } = await server.db.query(
      'SELECT id AS "userId", role, organisation_id AS "organisationId", learner_id AS "learnerId" FROM app_user WHERE email = $1',
      [alice.email],
    );
    const principal: Principal = rows[0];
    const { rows: others } = await server.db.query('SELECT id FROM credential WHERE learner_id <> $1 LIMIT 1', [alice.id]);
    const ids = [f.aliceCredentialId, others[0].id, '6f1c1b1e-0000-4000-8000-000000000000', 'not-a-uuid'];
    expect(await access.check({ principal, permission: Permission.CREDENTIAL_READ, ids })).toEqual(new Set([f.aliceCredentialId]));
    await expect(access.require({ principal, permission: Permission.CREDENTIAL_READ, ids, what: 'Credential' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      access.require({ principal, permission: Permission.CREDENTIAL_READ, ids: [f.aliceCredentialId], what: 'Credential' }),
    ).resolves.toBeUndefined();
    expect(await access.check({ principal, permission: Permission.CREDENTIAL_SHARE, ids: [] })).toEqual(new Set());
  });

  const CREDENTIAL = 'query($id: ID!) { credential(id: $id) { id json } }';

  it('lets a learner, the issuing HEI and the office read a credential, and nobody else', async () => {
    for (const who of ['alice', 'upm', 'ADMIN'] as const) {
      expect((await server.gql(CREDENTIAL, { id: f.aliceCredentialId }, tokenOf(who))).data.credential.id).toBe(f.aliceCredentialId);
    }
    for (const who of ['bob', 'fau'] as const) {
      const { data, errors } = await server.gql(CREDENTIAL, { id: f.aliceCredentialId }, tokenOf(who));
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses an ISSUER of one HEI recording results for another HEI’s module, writing nothing', async () => {
    const before = await server.count('assessment_result');
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(f.upmEnrolmentId) }, tokenOf('fau'));
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await server.count('assessment_result')).toBe(before);
  });

  it('refuses the programme office and learners recording results, by role', async () => {
    for (const who of ['ADMIN', 'bob'] as const) {
      const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(f.upmEnrolmentId) }, tokenOf(who));
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses an ISSUER enrolling learners in another HEI’s offering', async () => {
    await expect(anEnrolment(server, bob.id, 'POLIMI-DGT-01', UPM_STAFF)).rejects.toThrow(/NOT_FOUND/);
  });

  it('refuses forged tokens', async () => {
    const forged = await server.gql('{ me { id } }', {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the catalogue and verification public', async () => {
    const { data, errors } = await server.gql('{ modules { totalCount } organisations(kind: HEI) { totalCount } programme { code } }');
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ modules: { totalCount: 10 }, organisations: { totalCount: 4 }, programme: { code: 'MAGIX' } });
  });

  it('shows a learner only themselves, an HEI only its own learners and enrolments', async () => {
    const self = await server.gql('{ learners { items { id } } enrolments { items { learnerId } } }', {}, alice.token);
    expect(self.data.learners.items).toEqual([{ id: alice.id }]);
    expect(new Set(self.data.enrolments.items.map((e: Json) => e.learnerId))).toEqual(new Set([alice.id]));

    const fau = await server.gql(
      '{ learners(limit: 100) { items { id email } } enrolments(limit: 100) { items { offering { module { provider { shortName } } } } } }',
      {},
      tokenOf('fau'),
    );
    const emails = fau.data.learners.items.map((l: Json) => l.email);
    expect(emails).toEqual(
      expect.arrayContaining(['marco.rossi@lombardia.example', 'anna.schmidt@datawerk.example', 'jonas.weber@uni.example']),
    );
    expect(emails).not.toContain(alice.email);
    const providers = new Set(fau.data.enrolments.items.map((e: Json) => e.offering.module.provider.shortName));
    expect(providers).toEqual(new Set(['FAU']));
  });

  it('never exposes password hashes or private keys', async () => {
    const schema = await server.gql('{ __schema { types { name fields { name } } } }');
    // Root operation types excepted: changePassword takes a password, it never answers one.
    const types = schema.data.__schema.types.filter((t: Json) => !['Query', 'Mutation'].includes(t.name));
    const fields = types.flatMap((t: Json) => (t.fields ?? []).map((field: Json) => field.name.toLowerCase()));
    expect(fields.filter((name: string) => /password|secret|private|sealed/.test(name))).toEqual([]);
    const { rows } = await server.db.query('SELECT sealed_secret_key FROM issuer_key LIMIT 1');
    expect(rows[0].sealed_secret_key).toMatch(/^v1\./);
    expect(rows[0].sealed_secret_key).not.toMatch(/^z/);
  });
});
