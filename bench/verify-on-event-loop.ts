/**
 * Preloaded into the built server by verify-saturation.bench.ts (node -r) for its comparison
 * run: the verification worker pool is created but never installed, so every signature check
 * runs on the event loop, as before the pool existed. Never used outside that bench.
 */
import { join } from 'node:path';

// The very module the compiled server loads (dist-bench: same file, same cache entry), patched before it starts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pool = require(join(__dirname, '../libs/credentials/src/verify-pool/credential-workers.js')) as {
  CredentialWorkers: { prototype: { install: () => unknown } };
};
pool.CredentialWorkers.prototype.install = function (this: unknown) {
  return this;
};
