// Turns a verification result into what an employer reads: the verdict, each check, who, whom, what.
import { facts, h } from './dom.js';

/**
 * @typedef {{ name: string, outcome: string, message: string }} Check
 * @typedef {{ did: string, name: string, countryCode: string }} TrustedIssuer
 * @typedef {{ verified: boolean, verdict: string, securedWith: string | null, credentialId: string | null,
 *   issuer: TrustedIssuer | null, credential: Record<string, unknown> | null, checks: Check[] }} Verification
 */

/** @type {Record<string, { title: string, text: string, tone: 'good' | 'bad' | 'warn' }>} */
const VERDICTS = {
  VALID: { title: 'Valid', text: 'Authentic, issued by a trusted consortium member, unaltered and in force.', tone: 'good' },
  REVOKED: { title: 'Revoked', text: 'The issuer has withdrawn this credential. Do not rely on it.', tone: 'bad' },
  SUSPENDED: { title: 'Suspended', text: 'The issuer has put this credential on hold. Do not rely on it for now.', tone: 'warn' },
  EXPIRED: { title: 'Expired', text: 'The credential was genuine but its validity period has ended.', tone: 'warn' },
  NOT_YET_VALID: { title: 'Not yet valid', text: 'The credential’s validity period has not started.', tone: 'warn' },
  STATUS_UNKNOWN: {
    title: 'Status unknown',
    text: 'The signature checks out, but whether it was revoked could not be read. Do not rely on it until it can.',
    tone: 'warn',
  },
  INVALID: {
    title: 'Invalid',
    text: 'At least one check failed: the credential was altered, is malformed, or was not issued by a consortium member.',
    tone: 'bad',
  },
};

/** @type {Record<string, string>} */
const CHECK_NAMES = {
  DATA_MODEL: 'Well-formed credential',
  PROOF: 'Signature',
  ISSUER: 'Trusted issuer',
  STATUS: 'Not revoked or suspended',
  VALIDITY_PERIOD: 'Validity dates',
};

/** @type {Record<string, string>} */
const OUTCOMES = { PASSED: 'Passed', FAILED: 'Failed', UNKNOWN: 'Unknown', NOT_CHECKED: 'Not checked' };

/** @typedef {Record<string, unknown>} Json */

/** @param {unknown} value @returns {Json} */
const record = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Json} */ (value) : {});
/** @param {unknown} value @returns {unknown[]} */
const list = (value) => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
/** @param {unknown} value @returns {string | null} */
const text = (value) => (typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null);

/** @param {unknown} value */
function profile(value) {
  const p = record(value);
  return { name: text(p.name) ?? text(p.id) ?? 'Unknown', did: text(p.id), country: text(record(p.address).addressCountryCode) };
}

/**
 * The EQF level: an Open Badges alignment to the European Qualifications Framework, or the
 * private `eqfLevel` of credentials issued before the alignment.
 * @param {Json} achievement
 */
function eqfLevel(achievement) {
  const alignment = list(achievement.alignment)
    .map(record)
    .find((a) => a.targetFramework === 'European Qualifications Framework');
  return text(alignment?.targetCode) ?? text(achievement.eqfLevel);
}

/** @param {string | null} iso */
function date(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The verdict banner: a word, then a sentence.
 * @param {Verification} result
 */
export function verdictBanner(result) {
  const v = VERDICTS[result.verdict] ?? VERDICTS.INVALID;
  return h(
    'div',
    { class: `verdict verdict-${v.tone}`, 'data-verdict': result.verdict, id: 'verdict' },
    h('strong', {}, v.title),
    h('span', {}, v.text),
  );
}

/** @param {Check[]} checks */
export function checkList(checks) {
  return h(
    'ul',
    { class: 'checks', id: 'checks' },
    checks.map((check) =>
      h(
        'li',
        { 'data-check': check.name, 'data-outcome': check.outcome },
        h('span', {}, h('span', { class: `outcome outcome-${check.outcome}` }, OUTCOMES[check.outcome] ?? check.outcome)),
        h('span', {}, h('strong', {}, CHECK_NAMES[check.name] ?? check.name), ' — ', check.message),
      ),
    ),
  );
}

/**
 * Who issued it, to whom, for what; for a degree, its co-awarders and the modules it stacks.
 * @param {Verification} result
 */
export function credentialDetails(result) {
  const document = record(result.credential);
  const subject = record(list(document.credentialSubject)[0]);
  const achievement = record(subject.achievement);
  const issuer = profile(document.issuer);
  const trusted = result.issuer !== null && result.checks.some((c) => c.name === 'ISSUER' && c.outcome === 'PASSED');
  const holder = list(subject.identifier)
    .map(record)
    .find((i) => i.identityType === 'name' && i.hashed === false);
  const grade = text(record(list(subject.result)[0]).value);
  const isDegree = achievement.achievementType === 'MasterDegree';
  const coAwarders = list(document.coAwardedBy).map(profile);
  // Degrees name their modules as evidence; older ones only list them by id.
  const evidence = new Map(list(document.evidence).map((e) => [text(record(e).id), record(e)]));
  const stacked = list(document.relatedResource).map((r) => {
    const id = text(record(r).id) ?? '';
    const named = evidence.get(id);
    return { id, name: text(named?.name), description: text(named?.description) };
  });

  return h(
    'div',
    { id: 'details' },
    h('h2', {}, 'Issued by'),
    facts([
      ['Issuer', result.issuer?.name ?? issuer.name],
      ['Country', result.issuer?.countryCode ?? issuer.country],
      [
        'Consortium member',
        trusted
          ? h('span', { class: 'badge badge-good' }, 'Yes — in the MAGIX trust registry')
          : h('span', { class: 'badge badge-bad' }, 'No — not a trusted consortium issuer'),
      ],
      ['Issuer identifier', issuer.did],
    ]),
    h('h2', {}, 'Awarded to'),
    facts([['Name', text(holder?.identityHash) ?? 'Not stated']]),
    h('h2', {}, 'For'),
    facts([
      [isDegree ? 'Degree' : 'Module', text(achievement.name) ?? text(document.name)],
      ['Code', text(achievement.humanCode)],
      ['ECTS credits', text(subject.creditsEarned) ?? text(achievement.creditsAvailable)],
      ['EQF level', eqfLevel(achievement)],
      ['Grade', grade],
      ['Date', date(text(subject.activityEndDate) ?? text(document.validFrom) ?? text(document.issuanceDate))],
      ['Valid until', date(text(document.validUntil))],
      ['Secured with', result.securedWith === 'JOSE' ? 'VC-JOSE (EdDSA)' : result.securedWith ? 'Data Integrity (eddsa-rdfc-2022)' : null],
      ['Credential id', result.credentialId ?? text(document.id)],
    ]),
    isDegree || coAwarders.length
      ? [
          h('h2', {}, 'Co-awarded by'),
          h(
            'ul',
            { id: 'co-awarders' },
            coAwarders.map((p) => h('li', {}, p.name, p.country ? ` (${p.country})` : '')),
          ),
        ]
      : null,
    stacked.length
      ? [
          h('h2', {}, `Stacks ${stacked.length} module credential${stacked.length === 1 ? '' : 's'}`),
          h('p', { class: 'hint' }, 'Each is bound to this degree by a digest: any change to a module credential would show.'),
          h(
            'ul',
            { id: 'stacked' },
            stacked.map(({ id, name, description }) =>
              h('li', {}, name ? [h('strong', {}, name), description ? ` — ${description}` : '', h('br', {})] : null, h('code', {}, id)),
            ),
          ),
        ]
      : null,
  );
}
