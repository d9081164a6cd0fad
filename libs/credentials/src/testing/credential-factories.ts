import { registerDeploymentContext } from '../document-loader';
import { ModuleCredentialFacts } from '../module-credential.builder';
import { IssuerRecord, VerificationContext } from '../verification.types';

/** The context URL of a deployment at http://localhost:3000, resolvable offline in tests. */
export const TEST_CONTEXT_URL = registerDeploymentContext('http://localhost:3000');

/** Facts for one passed module, overridable field by field. */
export function aModuleCredential(overrides: Partial<ModuleCredentialFacts> = {}): ModuleCredentialFacts {
  return {
    contextUrl: TEST_CONTEXT_URL,
    credentialId: 'urn:uuid:6a1f3c3e-5c7b-4a55-9a5e-3f4f0b7b2c11',
    issuedAt: new Date('2026-07-01T10:00:00.123Z'),
    issuer: {
      did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      name: 'Universidad Politécnica de Madrid',
      countryCode: 'ES',
    },
    recipient: { id: 'urn:uuid:0f6f2b8e-2f7e-4b0e-8a55-9c1d7e3a4b21', name: 'Lucía Martín', email: 'Lucia.Martin@madrid.example' },
    achievement: {
      id: 'http://localhost:3000/modules/UPM-AIG-01',
      code: 'UPM-AIG-01',
      title: 'AI for Public Governance',
      description: 'Foundations of AI in public administration.',
      learningOutcomes: ['Assess AI use cases in public services', 'Apply the EU AI Act to procurement'],
      ectsCredits: 6,
      eqfLevel: 7,
      workloadHours: 150,
      language: 'en',
      assessmentType: 'Project and oral examination',
      participationForm: 'ONLINE',
      qualityAssurance: 'Accredited by ANECA',
      prerequisites: [],
    },
    result: { grade: '8.7', creditsEarned: 6, assessedOn: '2026-06-30' },
    emailSalt: 'f00dfeed',
    ...overrides,
  };
}

/** A trust registry entry for `did`: UPM, trusted since 2020, neither retired nor compromised. */
export function anIssuerRecord(did: string, overrides: Partial<IssuerRecord> = {}): IssuerRecord {
  return {
    did,
    organisationId: 'upm',
    name: 'Universidad Politécnica de Madrid',
    countryCode: 'ES',
    validFrom: new Date('2020-01-01'),
    retiredAt: null,
    compromisedFrom: null,
    ...overrides,
  };
}

/** What verification consults, in memory: one trusted issuer and the status lists by URL. */
export function anInMemoryContext(record: IssuerRecord, lists: Map<string, unknown>): VerificationContext {
  return {
    issuers: { lookup: (did) => Promise.resolve(did === record.did ? record : null) },
    statusLists: { resolve: (url) => Promise.resolve(lists.get(url) ?? null) },
    // Read at each verification, as the service reads its Clock: credentials issued after this context was made are valid.
    get now() {
      return new Date();
    },
  };
}
