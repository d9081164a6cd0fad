import { ADMIN, aPassingResult, RECORD_RESULT } from './support/factories';
import { independentlyVerify } from './support/independent-eddsa-verifier';
import { startTestServer, TestServer } from './support/test-server';

describe('the programme office brings a new partner HEI on board', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  afterAll(() => server.close());

  it('goes from a new organisation to a verified credential through the API alone', async () => {
    const org = await server.gql(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id issuerDid } }',
      {
        input: {
          name: 'Universidade do Minho',
          shortName: 'UMINHO',
          countryCode: 'PT',
          kind: 'HEI',
          consortiumMember: true,
          website: 'https://www.uminho.pt',
        },
      },
      admin,
    );
    expect(org.data.createOrganisation.issuerDid).toMatch(/^did:key:z6Mk/);
    const organisationId = org.data.createOrganisation.id;

    const weak = await server.gql(
      'mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { role } }',
      { input: { organisationId, email: 'staff@uminho.example', password: 'password123' } },
      admin,
    );
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });

    const account = await server.gql(
      'mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { role organisationId } }',
      { input: { organisationId, email: 'staff@uminho.example', password: 'a-long-staff-password' } },
      admin,
    );
    expect(account.data.createStaffAccount).toEqual({ role: 'ISSUER', organisationId });
    const staff = await server.login('staff@uminho.example', 'a-long-staff-password');

    const module = await server.gql(
      'mutation($input: CreateModuleInput!) { createModule(input: $input) { id code provider { shortName } prerequisites { code } } }',
      {
        input: {
          code: 'UMINHO-OGD-01',
          providerId: organisationId,
          title: 'Open Government Data',
          description: 'Publishing and reusing open data in the public sector.',
          learningOutcomes: ['Publish a dataset to DCAT-AP'],
          ectsCredits: 4.5,
          eqfLevel: 7,
          workloadHours: 112,
          language: 'pt',
          assessmentType: 'Project',
          participationForm: 'ONLINE',
          qualityAssurance: 'A3ES accredited',
          prerequisiteCodes: [],
        },
      },
      staff,
    );
    expect(module.errors).toBeUndefined();
    expect(module.data.createModule).toMatchObject({
      code: 'UMINHO-OGD-01',
      provider: { shortName: 'UMINHO' },
      prerequisites: [],
    });

    const { data: programme } = await server.gql('{ programme { editions { id code } } }');
    const edition = programme.programme.editions.find((e: { code: string }) => e.code === '2026-2027');
    const offering = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id capacity } }',
      {
        input: {
          code: 'UMINHO-OGD-01-2026',
          moduleId: module.data.createModule.id,
          editionId: edition.id,
          startsOn: '2026-10-01',
          endsOn: '2026-12-15',
          capacity: 1,
        },
      },
      staff,
    );
    expect(offering.errors).toBeUndefined();

    const learner = await server.gql(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: { givenName: 'João', familyName: 'Silva', email: 'joao.silva@gov.example', countryCode: 'PT', sector: 'PUBLIC' } },
      admin,
    );
    const enrol = 'mutation($input: EnrolInput!) { enrol(input: $input) { id status } }';
    const enrolment = await server.gql(
      enrol,
      { input: { learnerId: learner.data.createLearner.id, offeringId: offering.data.createOffering.id } },
      staff,
    );
    expect(enrolment.data.enrol.status).toBe('ENROLLED');

    const other = await server.gql(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: { givenName: 'Ana', familyName: 'Costa', email: 'ana.costa@gov.example', countryCode: 'PT', sector: 'PRIVATE' } },
      admin,
    );
    const full = await server.gql(
      enrol,
      { input: { learnerId: other.data.createLearner.id, offeringId: offering.data.createOffering.id } },
      staff,
    );
    expect(full.errors?.[0].extensions?.code).toBe('OFFERING_FULL');

    const recorded = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolment.data.enrol.id, { grade: '17/20' }) }, staff);
    const credential = recorded.data.recordResult.credential;
    expect(credential.issuerDid).toBe(org.data.createOrganisation.issuerDid);
    expect(credential.document.credentialSubject.creditsEarned).toBe(4.5);

    const verdict = await server.gql('query($c: JSON!) { verifyCredential(credential: $c) { verified issuer { name countryCode } } }', {
      c: credential.document,
    });
    expect(verdict.data.verifyCredential).toEqual({ verified: true, issuer: { name: 'Universidade do Minho', countryCode: 'PT' } });
    await expect(independentlyVerify(credential.document)).resolves.toBe(true);
  });

  it('does not make a non-member or a non-HEI an issuer', async () => {
    const make = (input: Record<string, unknown>) =>
      server.gql('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { issuerDid } }', { input }, admin);
    const employer = await make({
      name: 'Câmara Municipal de Braga',
      shortName: 'CM-BRAGA',
      countryCode: 'PT',
      kind: 'PUBLIC_ADMINISTRATION',
    });
    expect(employer.data.createOrganisation.issuerDid).toBeNull();
    const outsider = await make({ name: 'Some University', shortName: 'SOMEU', countryCode: 'FR', kind: 'HEI', consortiumMember: false });
    expect(outsider.data.createOrganisation.issuerDid).toBeNull();
    const duplicate = await make({ name: 'Again', shortName: 'CM-BRAGA', countryCode: 'PT', kind: 'OTHER' });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'ORGANISATION_EXISTS', field: 'input.shortName' });
  });
});
