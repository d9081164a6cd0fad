export const CREDENTIALS_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const CREDENTIALS_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1';
export const DATA_INTEGRITY_V2_CONTEXT_URL = 'https://w3id.org/security/data-integrity/v2';
export const EXAMPLES_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/examples/v2';
export const OPEN_BADGES_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';
