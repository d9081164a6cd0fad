import fc from 'fast-check';
import * as jsonld from 'jsonld';
import { documentLoader, Verdict } from '@magix/credentials';
import { canonicalJson } from '../libs/credentials/src/co-award';
import { VERIFY, demoModuleAndDegree } from './support/credentials';
import { Json, startTestServer, TestServer } from './support/test-server';

/**
 * Property-based fuzzing of the public verify routes on the real server: whatever arrives, the
 * answer is JSON with a verdict or a typed error, never a 5xx; and a genuine credential altered in
 * any way that changes what was signed is never VALID. A counterexample here is a bug: fix it, do
 * not pin a seed.
 */

type Path = Array<string | number>;
const VERDICTS = new Set<string>(Object.values(Verdict));
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

interface Answer {
  status: number;
  body: Json;
}

async function send(url: string, path: string, text: string): Promise<Answer> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  const raw = await response.text();
  let body: Json;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new Error(`${path} answered ${response.status} with a body that is not JSON: ${raw.slice(0, 200)}`);
  }
  return { status: response.status, body };
}

/** The contract of every answer: below 500, and either a verification result or a typed error. */
function expectWellFormed(path: string, { status, body }: Answer): void {
  const fail = (why: string) => {
    throw new Error(`${path} answered ${status} ${JSON.stringify(body).slice(0, 600)}: ${why}`);
  };
  if (status >= 500) fail('a server error');
  if (path === '/graphql' && typeof body.code !== 'string') {
    const errors: Json[] = body.errors ?? [];
    if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) fail('an internal error');
    if (body.data?.verifyCredential) {
      if (!VERDICTS.has(body.data.verifyCredential.verdict)) fail('no verdict');
    } else if (errors.length === 0 || !errors.every((e) => typeof e.extensions?.code === 'string'))
      fail('neither a verdict nor a typed error');
    return;
  }
  if (status === 200 || status === 422) {
    if (typeof body.verified !== 'boolean' || !Array.isArray(body.errors)) fail('not a verification result');
    if (path === '/credentials/verify' && !VERDICTS.has(body.verdict)) fail('no verdict');
  } else if (typeof body.code !== 'string' || typeof body.message !== 'string') fail('not a typed error');
}

/** Fails with the counterexample cut short: a mutated credential can be a megabyte. */
const settings = <T>(numRuns: number): fc.Parameters<T> => ({
  numRuns,
  reporter: (details) => {
    if (!details.failed) return;
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${error.slice(0, 3000)}\n(after ${details.numRuns} runs, seed ${details.seed}; counterexample ${JSON.stringify(details.counterexample).length} characters)`,
    );
  },
});

const canonize = (document: unknown): Promise<string> =>
  jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true }) as Promise<string>;

const proofsOf = (document: Json): Json[] => ([] as Json[]).concat(document?.proof ?? []);

/** Whether a document signs exactly what the original signed: the same RDF dataset, and only the original's proofs. */
async function signsTheSame(mutated: Json, original: Json): Promise<boolean> {
  if (typeof mutated !== 'object' || mutated === null || Array.isArray(mutated)) return false;
  const originalProofs = new Set(proofsOf(original).map((p) => canonicalJson(p)));
  const proofs = proofsOf(mutated);
  if (proofs.length === 0 || !proofs.every((p) => originalProofs.has(canonicalJson(p)))) return false;
  const { proof: _a, ...content } = mutated;
  const { proof: _b, ...originalContent } = original;
  try {
    return (await canonize(content)) === (await canonize(originalContent));
  } catch {
    return false;
  }
}

function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  if (path.length > 0) into.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], into));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], into);
  return into;
}

/** The parent of a path and its last key, when the path still exists in the document. */
function locate(document: Json, path: Path): { parent: Json; key: string | number } | null {
  let parent = document;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null || !(key in parent)) return null;
    parent = parent[key];
  }
  const key = path[path.length - 1];
  return typeof parent === 'object' && parent !== null && key in parent ? { parent, key } : null;
}

const retyped = (value: unknown): unknown => {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return { ...value };
  if (value === null) return {};
  return [value];
};

function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, seed));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v], i) => [k, reordered(v, seed), (i * 7919 + seed) % 101] as const);
  return Object.fromEntries(entries.sort((a, b) => a[2] - b[2]).map(([k, v]) => [k, v]));
}

type Mutation =
  | { kind: 'delete' | 'retype' | 'duplicate'; path: Path }
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'huge'; path: Path; size: number }
  | { kind: 'nest'; path: Path; levels: number }
  | { kind: 'proofs'; count: number; asObject: boolean };

function mutate(original: Json, mutations: Mutation[]): Json {
  const document = structuredClone(original);
  for (const m of mutations) {
    if (m.kind === 'flip') {
      const proof = proofsOf(document)[0];
      if (typeof proof?.proofValue !== 'string' || proof.proofValue.length < 2) continue;
      const at = 1 + (m.at % (proof.proofValue.length - 1));
      proof.proofValue = proof.proofValue.slice(0, at) + m.char + proof.proofValue.slice(at + 1);
      continue;
    }
    if (m.kind === 'proofs') {
      const first = proofsOf(original)[0];
      document.proof = m.asObject && m.count === 1 ? structuredClone(first) : Array.from({ length: m.count }, () => structuredClone(first));
      continue;
    }
    const at = locate(document, m.path);
    if (!at) continue;
    const { parent, key } = at;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.kind === 'replace') parent[key] = m.value;
    else if (m.kind === 'retype') parent[key] = retyped(parent[key]);
    else if (m.kind === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else parent[`${key}_copy`] = structuredClone(parent[key]);
    } else if (m.kind === 'huge') parent[key] = 'x'.repeat(m.size);
    else if (m.kind === 'nest') {
      let value = parent[key];
      for (let i = 0; i < m.levels; i++) value = i % 2 === 0 ? [value] : { value };
      parent[key] = value;
    }
  }
  return document;
}

function mutations(original: Json): fc.Arbitrary<Mutation[]> {
  const path = fc.constantFrom(...pathsOf(original));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'retype' as const, 'duplicate' as const), path }),
    fc.record({ kind: fc.constant('replace' as const), path, value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.constantFrom(...BASE58, '0', 'l', ' ', 'é') }),
    fc.record({ kind: fc.constant('huge' as const), path, size: fc.integer({ min: 10_000, max: 900_000 }) }),
    fc.record({ kind: fc.constant('nest' as const), path, levels: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ kind: fc.constant('proofs' as const), count: fc.integer({ min: 0, max: 12 }), asObject: fc.boolean() }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

describe('fuzzing the verify routes', () => {
  let server: TestServer;
  let credential: Json;
  let degree: Json;

  const graphql = (credentialValue: unknown) =>
    send(server.url, '/graphql', JSON.stringify({ query: VERIFY, variables: { credential: credentialValue } }));

  beforeAll(async () => {
    server = await startTestServer();
    ({ credential, degree } = await demoModuleAndDegree(server));
  });

  afterAll(() => server.close());

  it('answers any JSON body with a result or a typed error, never a 5xx', async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({
        verifiableCredential: fc.jsonValue({ maxDepth: 4 }),
        options: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      }),
      fc.record({
        verifiablePresentation: fc.jsonValue({ maxDepth: 4 }),
        options: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/credentials/verify', '/presentations/verify'), body, async (path, value) => {
        expectWellFormed(path, await send(server.url, path, JSON.stringify(value)));
      }),
      settings(150),
    );
  });

  it('answers any JSON value as a GraphQL credential with a verdict or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        expectWellFormed('/graphql', await graphql(value));
      }),
      settings(100),
    );
  });

  it('answers presentations built from arbitrary parts with a result or a typed error', async () => {
    const presentation = fc.record(
      {
        '@context': fc.oneof(fc.constant(['https://www.w3.org/ns/credentials/v2']), fc.jsonValue({ maxDepth: 1 })),
        type: fc.oneof(fc.constant(['VerifiablePresentation']), fc.jsonValue({ maxDepth: 1 })),
        holder: fc.oneof(fc.constant(credential.credentialSubject.id), fc.jsonValue({ maxDepth: 1 })),
        verifiableCredential: fc.array(fc.oneof(fc.constant(credential), fc.constant(degree), fc.jsonValue({ maxDepth: 2 })), {
          maxLength: 4,
        }),
        proof: fc.oneof(
          fc.constant({ ...credential.proof[0], proofPurpose: 'authentication', challenge: 'c' }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      },
      { requiredKeys: [] },
    );
    const options = fc.record(
      { challenge: fc.oneof(fc.constant('c'), fc.string()), domain: fc.option(fc.string(), { nil: undefined }) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(presentation, options, async (verifiablePresentation, opts) => {
        const answer = await send(server.url, '/presentations/verify', JSON.stringify({ verifiablePresentation, options: opts }));
        expectWellFormed('/presentations/verify', answer);
        // Nothing here is signed by its holder for this challenge.
        if (answer.status === 200 || answer.status === 422) expect(answer.body.verified).toBe(false);
      }),
      settings(60),
    );
  });

  it('never finds an altered genuine credential VALID unless what was signed is unchanged', async () => {
    const genuine = fc.constantFrom(credential, degree);
    const cases = genuine.chain((original: Json) => fc.tuple(fc.constant(original), mutations(original)));
    await fc.assert(
      fc.asyncProperty(cases, fc.boolean(), async ([original, changes], overGraphql) => {
        const mutated = mutate(original, changes);
        const answer = overGraphql
          ? await graphql(mutated)
          : await send(server.url, '/credentials/verify', JSON.stringify({ verifiableCredential: mutated }));
        expectWellFormed(overGraphql ? '/graphql' : '/credentials/verify', answer);
        const valid = overGraphql ? answer.body.data?.verifyCredential?.verdict === Verdict.VALID : answer.body.verified === true;
        if (valid && !(await signsTheSame(mutated, original))) {
          throw new Error(`VALID for a credential whose signed content changed: ${JSON.stringify(changes).slice(0, 600)}`);
        }
      }),
      settings(120),
    );
  });

  it('still finds a genuine credential VALID whatever the order of its keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(credential, degree), fc.nat(100), async (original, seed) => {
        const answer = await graphql(reordered(original, seed));
        if (answer.body.data?.verifyCredential?.verdict !== Verdict.VALID) {
          throw new Error(`Reordered keys (seed ${seed}) made it ${JSON.stringify(answer.body).slice(0, 1500)}`);
        }
      }),
      settings(6),
    );
  });
});
