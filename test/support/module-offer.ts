import { randomBytes } from 'node:crypto';
import { uploadACv } from './application-documents';
import { TestLearner, UPM_STAFF } from './factories';
import { Json, TestServer } from './test-server';

const MOTIVATION = 'I run the data team of a regional agency and want to govern the AI systems we buy and build.';

export interface ModuleOffer {
  applicationId: string;
  offeringId: string;
  offeringCode: string;
  moduleTitle: string;
  offerExpiresAt: string;
}

async function answer(server: TestServer, query: string, variables: Record<string, unknown>, token?: string): Promise<Json> {
  const { data, errors } = await server.gql(query, variables, token);
  if (!data) throw new Error(JSON.stringify(errors));
  return data;
}

/**
 * A place offered to the learner as the process offers one: a new one-place UPM offering of the
 * module (starting in 2027, so applications are open), the learner's application with a CV, and a
 * review batch that accepts it and closes, which sends the offer and starts its week.
 */
export async function anOfferedPlace(server: TestServer, learner: TestLearner, moduleCode = 'UPM-AIG-01'): Promise<ModuleOffer> {
  const staff = await server.login(UPM_STAFF);
  const { programme, module } = await answer(
    server,
    'query($c: String!) { programme { editions { id code } } module(code: $c) { id title } }',
    {
      c: moduleCode,
    },
  );
  const editionId = programme.editions.find((e: Json) => e.code === '2026-2027').id;
  const offeringCode = `${moduleCode}-X${randomBytes(3).toString('hex').toUpperCase()}`;
  const { createOffering } = await answer(
    server,
    'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
    { input: { code: offeringCode, moduleId: module.id, editionId, startsOn: '2027-06-01', endsOn: '2027-07-31', capacity: 1 } },
    staff,
  );
  const { apply } = await answer(
    server,
    'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
    { input: { offeringId: createOffering.id, motivation: MOTIVATION } },
    learner.token,
  );
  await uploadACv(server, apply.id, learner.token);
  const { openReviewBatch } = await answer(
    server,
    'mutation($input: OpenBatchInput!) { openReviewBatch(input: $input) { id } }',
    { input: { offeringId: createOffering.id } },
    staff,
  );
  await answer(
    server,
    'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }',
    { input: { batchId: openReviewBatch.id, applicationId: apply.id, decision: 'ACCEPTED', reason: 'Commission review' } },
    staff,
  );
  await answer(server, 'mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: openReviewBatch.id }, staff);
  const { application } = await answer(
    server,
    'query($id: ID!) { application(id: $id) { status offerExpiresAt } }',
    { id: apply.id },
    learner.token,
  );
  if (application.status !== 'ACCEPTED' || !application.offerExpiresAt) throw new Error(`No offer: ${JSON.stringify(application)}`);
  return {
    applicationId: apply.id,
    offeringId: createOffering.id,
    offeringCode,
    moduleTitle: module.title,
    offerExpiresAt: application.offerExpiresAt,
  };
}
