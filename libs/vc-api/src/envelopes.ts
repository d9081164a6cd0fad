import { CREDENTIALS_V2_CONTEXT_URL, isRecord, looksLikeJwt, VC_JWT_MEDIA_TYPE } from '@magix/credentials';

/** VC Data Model 2.0 §4.13.2: a credential or presentation secured by an enveloping proof, as a `data:` URL. */
export const ENVELOPED_CREDENTIAL = 'EnvelopedVerifiableCredential';
export const ENVELOPED_PRESENTATION = 'EnvelopedVerifiablePresentation';
export type EnvelopeType = typeof ENVELOPED_CREDENTIAL | typeof ENVELOPED_PRESENTATION;

/** VC-JOSE-COSE's media type of a presentation secured as a JWS. */
export const VP_JWT_MEDIA_TYPE = 'application/vp+jwt';

/**
 * The media types an envelope's `data:` URL may carry. VC-JOSE-COSE names `vc+jwt` and `vp+jwt`;
 * the W3C vc-data-model-2.0 test suite's fixtures say plain `application/jwt`, which we read too.
 */
const MEDIA_TYPES: Record<EnvelopeType, string[]> = {
  [ENVELOPED_CREDENTIAL]: [VC_JWT_MEDIA_TYPE, 'application/jwt'],
  [ENVELOPED_PRESENTATION]: [VP_JWT_MEDIA_TYPE, 'application/jwt'],
};

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The issued credential as an `EnvelopedVerifiableCredential` around its VC-JOSE form. */
export const envelopeCredentialJwt = (jwt: string) => ({
  '@context': CREDENTIALS_V2_CONTEXT_URL,
  id: `data:${VC_JWT_MEDIA_TYPE},${jwt}`,
  type: ENVELOPED_CREDENTIAL,
});

/** Whether the object says it is an envelope of this kind: its `type` names it. */
export function isEnvelope(input: unknown, type: EnvelopeType): input is Record<string, unknown> {
  return isRecord(input) && listOf(input.type).includes(type);
}

/** RFC 2397 `data:[<media type>][;parameter][;base64],<data>`; null when it is not one. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const match = /^data:([^,]*),(.*)$/is.exec(url);
  if (!match) return null;
  const [mediaType, ...parameters] = match[1].split(';');
  try {
    const text = decodeURIComponent(match[2]);
    const base64 = parameters.some((p) => p.trim().toLowerCase() === 'base64');
    return { mediaType: mediaType.trim().toLowerCase(), data: base64 ? Buffer.from(text, 'base64').toString('utf8') : text };
  } catch {
    // Malformed percent-encoding.
    return null;
  }
}

export type OpenedEnvelope = { jwt: string; problem?: undefined } | { jwt?: undefined; problem: string };

/**
 * Checks an envelope — `@context` the VC 2.0 base context, `type` exactly the envelope type, `id`
 * a `data:` URL of a JWT media type holding a compact JWS — and gives the JWS, or what is wrong.
 */
export function openEnvelope(envelope: Record<string, unknown>, type: EnvelopeType): OpenedEnvelope {
  const fail = (problem: string): OpenedEnvelope => ({ problem: `${type}: ${problem}` });
  const context = envelope['@context'];
  if (listOf(context)[0] !== CREDENTIALS_V2_CONTEXT_URL) return fail(`@context must be (or start with) ${CREDENTIALS_V2_CONTEXT_URL}`);
  if (Array.isArray(context) && !context.every((c) => typeof c === 'string' || isRecord(c)))
    return fail('@context entries must be URLs or objects');
  const types = listOf(envelope.type);
  if (types.length !== 1 || types[0] !== type) return fail(`type must be ${type}`);
  if (typeof envelope.id !== 'string') return fail('id must be a data: URL');
  const url = parseDataUrl(envelope.id);
  if (!url) return fail('id must be a data: URL (RFC 2397)');
  if (!MEDIA_TYPES[type].includes(url.mediaType)) {
    return fail(`the data: URL must hold ${MEDIA_TYPES[type].join(' or ')}, not ${url.mediaType || 'no media type'}`);
  }
  if (!looksLikeJwt(url.data)) return fail('the data: URL must hold a compact JWS');
  return { jwt: url.data.trim() };
}
