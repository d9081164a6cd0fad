import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as dccVerifyCredential } from '@digitalcredentials/verifier-core';
import { documentLoader } from '@magix/credentials';
import obSchema from '../fixtures/ob3/ob_v3p0_achievementcredential_schema.json';
import type { Json } from './test-server';

// The judges we did not write: 1EdTech's OB 3.0 schema, DCC's verifier-core and plain @digitalbazaar/vc.

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(obSchema);

/** 1EdTech's OB 3.0 AchievementCredential schema's complaints, as "path message" lines; none when valid. */
export const obSchemaErrors = (credential: Json): string[] =>
  validate(credential) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);

/** DCC's verifier-core (VerifierPlus, the Learner Credential Wallet), with no DID registry of its own. */
export const dccVerify = (credential: Json): Promise<Json> => dccVerifyCredential({ credential, knownDIDRegistries: [] }) as Promise<Json>;

/** One step of verifier-core's log, e.g. `valid_signature` or `message_status`. */
export const dccStep = (result: Json, id: string): Json => (result.log ?? []).find((entry: Json) => entry.id === id);

/** Plain @digitalbazaar/vc on the proofs only (verifier-core reads the status entry). */
export const plainVcVerify = (credential: Json): Promise<Json> =>
  vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
    checkStatus: () => Promise.resolve({ verified: true }),
  }) as Promise<Json>;
