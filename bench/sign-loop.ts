/**
 * A child process that signs `count` credentials and prints how long it took (for the scaling
 * ceiling); it then checks what it signed with the bare library and exits non-zero if invalid.
 */
import { buildModuleCredential, generateIssuerKey, signCredential } from '../libs/credentials/src';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';
import { assertBareVerifies } from './bare';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const key = await generateIssuerKey();
  const facts = aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } });
  for (let i = 0; i < 20; i++) await signCredential(buildModuleCredential(facts), key);
  const signed: unknown[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) signed.push(await signCredential(buildModuleCredential(facts), key));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // Same facts and key, deterministic Ed25519: the first and last stand for all of them.
  await assertBareVerifies([signed[0], signed[signed.length - 1]], 'credentials of the sign loop');
  process.stdout.write(String(ms));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
