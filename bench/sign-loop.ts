/** A child process that signs `count` credentials and prints how long it took (for the scaling ceiling). */
import { buildModuleCredential, generateIssuerKey, signCredential } from '../libs/credentials/src';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const key = await generateIssuerKey();
  const facts = aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } });
  for (let i = 0; i < 20; i++) await signCredential(buildModuleCredential(facts), key);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await signCredential(buildModuleCredential(facts), key);
  process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
}

void main();
