import { ADMIN, aLearner, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { aCourseCredentialFor, checkOf, verify } from './support/credentials';
import { decideDegreeApplication, DEMO_PATHWAY, passModules } from './support/degree-admission';
import { independentlyVerify } from './support/independent-eddsa-verifier';
import { Json, startTestServer, TestServer } from './support/test-server';

const PROGRESS = `query($id: ID!) { pathwayProgress(learnerId: $id) {
  eligible reasons countedEcts requiredEcts degreeCredentialId
  mandatory { moduleCode satisfied } groups { name countedEcts missingEcts } partners { required partners }
  recognition { cap approvedEcts countedEcts } timeLimit { deadline expired }
  counted { title ects countsAs group source provider } notCounted { title reason } } }`;
const ISSUE = 'mutation($id: ID!) { issueDegree(learnerId: $id) { id credentialId reviewRequired credential { id json document } } }';

describe('stacking module credentials into the joint degree', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  afterAll(() => server.close());

  const pass = (learnerId: string, modules: string[]) => passModules(server, learnerId, modules);

  const ALL = DEMO_PATHWAY;

  it('explains progress group by group, with what is missing', async () => {
    const learner = await aLearner(server);
    await pass(learner.id, ['UPM-AIG-01', 'UPM-DSP-02']);
    const { data } = await server.gql(PROGRESS, { id: learner.id }, learner.token);
    const progress = data.pathwayProgress;
    expect(progress).toMatchObject({ eligible: false, countedEcts: 12, requiredEcts: 60, degreeCredentialId: null });
    expect(progress.mandatory).toEqual([
      { moduleCode: 'UPM-AIG-01', satisfied: true },
      { moduleCode: 'UPM-CAP-03', satisfied: false },
    ]);
    expect(progress.groups).toEqual([
      { name: 'Data and AI', countedEcts: 6, missingEcts: 0 },
      { name: 'Governance and law', countedEcts: 0, missingEcts: 6 },
    ]);
    expect(progress.reasons).toEqual([
      'Missing mandatory modules: UPM-CAP-03',
      'Elective group Governance and law: 6 more ECTS needed',
      '48 more ECTS needed (12 of 60)',
      'Credits come from 1 partner HEIs; at least 3 are required',
    ]);
    expect(progress.counted).toEqual([
      { title: 'UPM-AIG-01', ects: 6, countsAs: 'MANDATORY', group: null, source: 'MODULE', provider: 'UPM' },
      { title: 'UPM-DSP-02', ects: 6, countsAs: 'GROUP', group: 'Data and AI', source: 'MODULE', provider: 'UPM' },
    ]);
    const other = await aLearner(server);
    const refused = await server.gql(PROGRESS, { id: learner.id }, other.token);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses the degree to a learner who is not eligible, saying why', async () => {
    const learner = await aLearner(server);
    await decideDegreeApplication(server, learner, 'ACCEPTED');
    await pass(learner.id, ['UPM-AIG-01']);
    const { errors } = await server.gql(ISSUE, { id: learner.id }, admin);
    expect(errors?.[0].extensions?.code).toBe('NOT_ELIGIBLE');
    expect(errors?.[0].message).toMatch(/Missing mandatory modules: UPM-CAP-03/);
    expect(await server.count("credential WHERE kind = 'DEGREE' AND learner_id = '" + learner.id + "'")).toBe(0);
  });

  describe('a learner who stacks modules from four HEIs', () => {
    let learner: Awaited<ReturnType<typeof aLearner>>;
    let modules: Json[];
    let degree: Json;

    beforeAll(async () => {
      learner = await aLearner(server, { givenName: 'Maria', familyName: 'Kowalska', countryCode: 'PL' });
      await decideDegreeApplication(server, learner, 'ACCEPTED');
      modules = await pass(learner.id, ALL);
    });

    it('becomes eligible and gets one degree, even when asked twice at once', async () => {
      const { data } = await server.gql(PROGRESS, { id: learner.id }, admin);
      expect(data.pathwayProgress).toMatchObject({ eligible: true, reasons: [], countedEcts: 62 });
      expect(data.pathwayProgress.partners.partners).toEqual(['FAU', 'POLIMI', 'TalTech', 'UPM']);
      const [first, second] = await Promise.all([
        server.gql(ISSUE, { id: learner.id }, admin),
        server.gql(ISSUE, { id: learner.id }, admin),
      ]);
      expect(first.errors).toBeUndefined();
      expect(second.data.issueDegree.id).toBe(first.data.issueDegree.id);
      degree = first.data.issueDegree.credential;
      expect(await server.count(`credential WHERE kind = 'DEGREE' AND learner_id = '${learner.id}'`)).toBe(1);
    });

    it('is one Open Badges MasterDegree credential with a proof from every co-awarding HEI', async () => {
      const doc = degree.document;
      expect(doc.credentialSubject.achievement).toMatchObject({
        achievementType: 'MasterDegree',
        creditsAvailable: 60,
        creditUnit: 'ECTS',
      });
      expect(doc.credentialSubject.creditsEarned).toBe(62);
      expect(doc.coAwardedBy.map((p: Json) => p.name).sort()).toEqual([
        'Friedrich-Alexander-Universität Erlangen-Nürnberg',
        'Politecnico di Milano',
        'Tallinn University of Technology',
        'Universidad Politécnica de Madrid',
      ]);
      // One proof, by the coordinating HEI; each other co-awarder signs an endorsement of it.
      expect(doc.proof).toHaveLength(1);
      expect(doc.endorsement).toHaveLength(3);
      expect(doc.endorsement.map((e: Json) => e.issuer.name).sort()).toEqual(
        doc.coAwardedBy
          .map((p: Json) => p.name)
          .filter((name: string) => name !== doc.issuer.name)
          .sort(),
      );
      const stacked = doc.relatedResource.filter((r: Json) => r.id.startsWith('urn:uuid:'));
      expect(stacked.map((r: Json) => r.id).sort()).toEqual(modules.map((m) => m.document.id).sort());
      expect(doc.relatedResource.every((r: Json) => /^sha384-/.test(r.digestSRI))).toBe(true);
      await expect(independentlyVerify(doc)).resolves.toBe(true);
      for (const endorsement of doc.endorsement) await expect(independentlyVerify(endorsement)).resolves.toBe(true);
      const report = await verify(server, doc);
      expect(report).toMatchObject({ verified: true, verdict: 'VALID' });
      expect(checkOf(report, 'PROOF').message).toBe('The issuer’s signature and those of 3 co-awarders match the content and the issuer');
    });

    it('does not verify without every co-awarder’s endorsement, or with one altered', async () => {
      const missing = { ...degree.document, endorsement: degree.document.endorsement.slice(1) };
      const report = await verify(server, missing);
      expect(report.verified).toBe(false);
      expect(checkOf(report, 'PROOF').outcome).toBe('FAILED');
      const altered = structuredClone(degree.document);
      altered.endorsement[2].proof[0].proofValue = altered.endorsement[0].proof[0].proofValue;
      expect((await verify(server, altered)).verified).toBe(false);
    });

    it('is flagged for review, not revoked, when a counted module is revoked; the office decides', async () => {
      const aig = modules[0];
      await server.gql(
        'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
        { input: { id: aig.id, reason: 'Plagiarism found' } },
        await server.login(UPM_STAFF),
      );
      const { data } = await server.gql(
        '{ degreesToReview { id reviewRequired reviewReason learner { id } credential { state } } }',
        {},
        admin,
      );
      const flagged = data.degreesToReview.find((d: Json) => d.learner.id === learner.id);
      expect(flagged).toMatchObject({
        reviewRequired: true,
        credential: { state: 'ACTIVE' },
        reviewReason: expect.stringMatching(/Plagiarism found/),
      });
      await expect(verify(server, degree.document)).resolves.toMatchObject({ verdict: 'VALID' });
      const { rows } = await server.db.query("SELECT subject FROM notification WHERE recipient_role = 'ADMIN'");
      expect(rows.map((r) => r.subject)).toContain('A degree needs review');
      const progress = await server.gql(PROGRESS, { id: learner.id }, admin);
      expect(progress.data.pathwayProgress.eligible).toBe(false);

      const decided = await server.gql(
        'mutation($input: ResolveDegreeReviewInput!) { resolveDegreeReview(input: $input) { reviewRequired reviewReason } }',
        { input: { degreeAwardId: flagged.id, revoke: true, reason: 'Mandatory module revoked' } },
        admin,
      );
      expect(decided.data.resolveDegreeReview).toEqual({ reviewRequired: false, reviewReason: 'Revoked: Mandatory module revoked' });
      await expect(verify(server, degree.document)).resolves.toMatchObject({ verdict: 'REVOKED' });
    });
  });

  describe('one more credential never loses eligibility (the stacking counterexample)', () => {
    it('refuses the same module code to another HEI: the counterexample’s second HEI cannot credit it', async () => {
      const polimi = (await server.gql('{ module(code: "POLIMI-DGT-01") { provider { id } } }')).data.module.provider.id;
      const { errors } = await server.gql(
        'mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }',
        {
          input: {
            code: 'UPM-AIG-01',
            title: 'AI for Public Governance, the Milan edition',
            description: 'The same module code, credited by another HEI with more ECTS',
            learningOutcomes: ['Governs AI systems in the public sector'],
            ectsCredits: 8,
            eqfLevel: 7,
            workloadHours: 200,
            language: 'en',
            assessmentType: 'Written exam',
            participationForm: 'ONLINE',
            qualityAssurance: 'Internal review',
            providerId: polimi,
            prerequisiteCodes: [],
          },
        },
        await server.login('registrar@polimi.example'),
      );
      expect(errors?.[0].extensions?.code).toBe('MODULE_CODE_TAKEN');
    });

    it('stays eligible, and gets the degree, when a second, larger credential for a counted module arrives', async () => {
      const learner = await aLearner(server);
      await decideDegreeApplication(server, learner, 'ACCEPTED');
      const upm = await server.login(UPM_STAFF);
      const { data: offerings } = await server.gql('{ offerings(limit: 100) { items { id code } } }');
      const run = (code: string) => offerings.offerings.items.find((o: Json) => o.code === code).id;
      const passIn = async (offeringId: string, credits: number, assessedOn: string) => {
        const enrolled = await server.gql(
          'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
          { input: { learnerId: learner.id, offeringId } },
          upm,
        );
        if (!enrolled.data) throw new Error(JSON.stringify(enrolled.errors));
        const recorded = await server.gql(
          RECORD_RESULT,
          { input: aPassingResult(enrolled.data.enrol.id, { creditsAwarded: credits, assessedOn }) },
          upm,
        );
        if (!recorded.data) throw new Error(JSON.stringify(recorded.errors));
        return recorded.data.recordResult.credential.id as string;
      };
      // The first UPM-AIG-01 counts 4.5 of its 6 ECTS: 60.5 in all, just eligible.
      const smaller = await passIn(run('UPM-AIG-01-2025'), 4.5, '2025-12-01');
      await pass(
        learner.id,
        ALL.filter((code) => code !== 'UPM-AIG-01'),
      );
      const before = (await server.gql(PROGRESS, { id: learner.id }, admin)).data.pathwayProgress;
      expect(before).toMatchObject({ eligible: true, countedEcts: 60.5 });

      const larger = await passIn(run('UPM-AIG-01-2026'), 6, '2026-11-10');
      expect(larger).not.toBe(smaller);
      const after = (await server.gql(PROGRESS, { id: learner.id }, admin)).data.pathwayProgress;
      expect(after).toMatchObject({ eligible: true, reasons: [], countedEcts: 62 });
      expect(after.partners.partners).toEqual(before.partners.partners);
      expect(after.notCounted).toEqual([{ title: 'UPM-AIG-01', reason: 'the same module already counts' }]);
      const issued = await server.gql(ISSUE, { id: learner.id }, admin);
      expect(issued.errors).toBeUndefined();
      expect(issued.data.issueDegree.credentialId).toEqual(expect.any(String));
    });
  });

  describe('recognition of prior learning', () => {
    it('verifies on submission, lets staff grant credits within the cap, and counts them', async () => {
      const learner = await aLearner(server);
      await pass(learner.id, ['UPM-AIG-01']);
      // Their own credentials from a course outside the catalogue: the module they hold counts already (issue 12).
      const own = (await server.gql('{ myCredentials { items { document } } }', {}, learner.token)).data.myCredentials.items[0].document;
      const outside = () => aCourseCredentialFor(server, { id: own.credentialSubject.id }, 'AI for Public Governance');
      const submit = (credential: unknown) =>
        server.gql(
          'mutation($c: JSON!) { submitRecognition(credential: $c) { id verdict title status } }',
          { c: credential },
          learner.token,
        );
      const first = (await submit(await outside())).data.submitRecognition;
      expect(first).toMatchObject({ verdict: 'VALID', title: 'AI for Public Governance', status: 'SUBMITTED' });
      const second = (await submit(await outside())).data.submitRecognition;
      const tampered = (await submit({ ...(await outside()), name: 'Changed' })).data.submitRecognition;
      expect(tampered.verdict).toBe('INVALID');

      const decide = (id: string, ectsGranted: number, groupName?: string) =>
        server.gql(
          'mutation($input: DecideRecognitionInput!) { decideRecognition(input: $input) { status ectsGranted groupName } }',
          { input: { id, approve: true, ectsGranted, groupName, reason: 'Equivalent learning outcomes' } },
          admin,
        );
      expect((await decide(first.id, 8, 'Governance and law')).data.decideRecognition).toEqual({
        status: 'APPROVED',
        ectsGranted: 8,
        groupName: 'Governance and law',
      });
      const over = await decide(second.id, 6);
      expect(over.errors?.[0].extensions?.code).toBe('RECOGNITION_CAP_EXCEEDED');
      const forged = await decide(tampered.id, 2);
      expect(forged.errors?.[0].extensions?.code).toBe('RECOGNITION_NOT_VERIFIED');
      const again = await decide(first.id, 2);
      expect(again.errors?.[0].extensions?.code).toBe('ALREADY_DECIDED');

      const { data } = await server.gql(
        '{ myPathwayProgress { recognition { cap approvedEcts countedEcts } groups { name countedEcts } countedEcts } }',
        {},
        learner.token,
      );
      expect(data.myPathwayProgress.recognition).toEqual({ cap: 12, approvedEcts: 8, countedEcts: 8 });
      expect(data.myPathwayProgress.groups[1]).toEqual({ name: 'Governance and law', countedEcts: 8 });
      expect(data.myPathwayProgress.countedEcts).toBe(14);
      const { rows } = await server.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'RECOGNITION_DECIDED'");
      expect(rows[0].n).toBe(1);
    });
  });

  describe('rules', () => {
    it('refuses contradictory rules and keeps the old version', async () => {
      const { data } = await server.gql('{ programme { editions { id code } } }');
      const edition = data.programme.editions.find((e: Json) => e.code === '2026-2027');
      const set = (rules: Json) =>
        server.gql(
          'mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version rules { totalEcts } } }',
          { input: { editionId: edition.id, rules } },
          admin,
        );
      const base = {
        totalEcts: 60,
        mandatoryModules: ['UPM-AIG-01', 'UPM-CAP-03'],
        electiveGroups: [],
        minPartnerHeis: 3,
        maxRecognitionEcts: 12,
        timeLimitMonths: 48,
        minEqfLevel: 7,
      };
      const bad = await set({ ...base, totalEcts: 12 });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'CONTRADICTORY_RULES', field: 'rules.mandatoryModules' });
      expect(bad.errors?.[0].message).toMatch(/mandatory modules bring 18 ECTS, above the total of 12/);
      const ok = await set(base);
      expect(ok.data.setPathwayRules.version).toBe(2);
      const learner = await aLearner(server);
      expect((await set({ ...base, totalEcts: 60 })).errors).toBeUndefined();
      const denied = await server.gql(
        'mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version } }',
        { input: { editionId: edition.id, rules: base } },
        learner.token,
      );
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('blocks eligibility once the time limit expires, saying so', async () => {
      const { data } = await server.gql('{ programme { editions { id code } } }');
      const edition = data.programme.editions.find((e: Json) => e.code === '2025-2026');
      const learner = await aLearner(server);
      await pass(learner.id, ['UPM-AIG-01']);
      const rules = (
        await server.gql(
          'query($id: ID!) { pathwayRules(editionId: $id) { rules { totalEcts mandatoryModules electiveGroups { name moduleCodes minEcts } minPartnerHeis maxRecognitionEcts timeLimitMonths minEqfLevel } } }',
          { id: edition.id },
          admin,
        )
      ).data.pathwayRules.rules;
      await server.gql(
        'mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version } }',
        { input: { editionId: edition.id, rules: { ...rules, timeLimitMonths: 1 } } },
        admin,
      );
      const progress = (await server.gql(PROGRESS, { id: learner.id }, admin)).data.pathwayProgress;
      expect(progress.timeLimit.expired).toBe(true);
      expect(progress.reasons[0]).toMatch(/^The time limit of 1 months expired on \d{4}-\d{2}-\d{2}$/);
      await server.gql(
        'mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version } }',
        { input: { editionId: edition.id, rules } },
        admin,
      );
    });
  });
});
