import { buildCoAwardEndorsement } from '../../co-award';
import { signCredential } from '../../credential-signer';
import { buildDegreeCredential, DegreeCredentialFacts } from '../../degree-credential.builder';
import { generateIssuerKey } from '../../issuer-key';
import { buildModuleCredential } from '../../module-credential.builder';
import { signPresentation } from '../../presentation';
import { buildStatusListCredential, messageStatusEntry } from '../../status-list';
import { aModuleCredential, TEST_CONTEXT_URL } from '../../testing/credential-factories';
import { TEST_PROGRAMME_TRANSLATIONS, TEST_TRANSLATIONS } from '../../testing/translations';

export type Doc = Record<string, unknown>;

/**
 * One document of each shape MAGIX canonizes, as the signer and the verifier see them (without
 * `proof`): module credential and joint degree (each English only, and with language-tagged
 * translations), co-award endorsement, status list credential, presentation, and the proof configurations of a
 * credential and of a presentation.
 */
export async function magixDocumentsOfEachShape(): Promise<Record<string, Doc>> {
  const [upm, polimi, holder] = await Promise.all([generateIssuerKey(), generateIssuerKey(), generateIssuerKey()]);
  const upmProfile = { did: upm.did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' };
  const polimiProfile = { did: polimi.did, name: 'Politecnico di Milano', countryCode: 'IT' };
  const listUrl = 'http://localhost:3000/status-lists/5d0c8d8e-7a1b-4d55-9a5e-3f4f0b7b2c11';
  const moduleCredential = buildModuleCredential(
    aModuleCredential({ issuer: upmProfile, credentialStatus: messageStatusEntry(listUrl, 131_077) }),
  );
  const englishFacts = aModuleCredential({ issuer: upmProfile, credentialStatus: messageStatusEntry(listUrl, 131_079) });
  const multilingualModuleCredential = buildModuleCredential({
    ...englishFacts,
    credentialId: 'urn:uuid:2d4c6e80-1f3a-4b5c-8d7e-9f0a1b2c3d4e',
    achievement: { ...englishFacts.achievement, translations: TEST_TRANSLATIONS },
  });
  const signedModule = await signCredential(moduleCredential, upm);
  const degreeFacts: DegreeCredentialFacts = {
    contextUrl: TEST_CONTEXT_URL,
    credentialId: 'urn:uuid:9b2f6d1e-0c1a-4e8b-9a77-2b7c9d4e5f60',
    issuedAt: new Date('2027-07-15T09:30:00Z'),
    issuer: upmProfile,
    coAwarders: [upmProfile, polimiProfile],
    recipient: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Ieva Bērziņa' },
    programme: {
      id: 'http://localhost:3000/programmes/AI4GOV-X',
      code: 'AI4GOV-X',
      title: 'Joint Master in AI for Public Governance',
      description: 'The joint master’s degree of the consortium.',
      totalEcts: 60,
      eqfLevel: 7,
      image: 'http://localhost:3000/badges/programmes/AI4GOV-X.png',
    },
    creditsEarned: 60,
    criteria: 'Earned 60 ECTS by the programme rules.',
    stackedFrom: [{ id: String(moduleCredential.id), json: JSON.stringify(signedModule) }],
    credentialStatus: messageStatusEntry(listUrl, 131_078),
  };
  const degree = buildDegreeCredential(degreeFacts);
  // A translated programme's degree, stacked from a translated module (its evidence is localized too).
  const signedMultilingualModule = await signCredential(multilingualModuleCredential, upm);
  const multilingualDegree = buildDegreeCredential({
    ...degreeFacts,
    credentialId: 'urn:uuid:4e7a9c2b-6d1f-4a8e-b3c5-0f2e1d9a8b7c',
    programme: { ...degreeFacts.programme, translations: TEST_PROGRAMME_TRANSLATIONS },
    stackedFrom: [{ id: String(multilingualModuleCredential.id), json: JSON.stringify(signedMultilingualModule) }],
    credentialStatus: messageStatusEntry(listUrl, 131_080),
  });
  const endorsement = buildCoAwardEndorsement({
    id: 'urn:uuid:1c9e5a70-3b2d-4f11-8e0a-6d5c4b3a2f19',
    issuedAt: new Date('2027-07-15T09:30:00Z'),
    coAwarder: polimiProfile,
    degree,
  });
  const statusList = buildStatusListCredential({
    url: listUrl,
    issuerDid: upm.did,
    purpose: 'message',
    bits: new Uint8Array(64),
    validFrom: new Date('2026-07-01T10:00:00Z'),
  });
  const presentation = await signPresentation([signedModule], holder, { challenge: 'c-81d2f7', domain: 'employer.example' });
  const { proof: presentationProof, ...unsignedPresentation } = presentation as Doc & { proof: Doc };
  const credentialProof = (signedModule.proof as Doc[])[0];
  const proofConfiguration = (proof: Doc, document: Doc) => {
    const { proofValue: _signature, ...options } = proof;
    return { '@context': document['@context'], ...options };
  };
  return {
    moduleCredential,
    multilingualModuleCredential,
    degree,
    multilingualDegree,
    endorsement,
    statusList,
    presentation: unsignedPresentation,
    credentialProofConfiguration: proofConfiguration(credentialProof, moduleCredential),
    presentationProofConfiguration: proofConfiguration(presentationProof, unsignedPresentation),
  };
}
