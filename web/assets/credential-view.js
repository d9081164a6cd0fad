// Turns a verification result into what an employer reads: the verdict first, then who, whom, what,
// each check, and the credential itself behind a control. Claims of a credential that failed a check
// are marked as not trustworthy, never shown beside a "trusted" badge.
import { facts, h } from './dom.js';
import { exists, formatDate, language, t } from './i18n.js';
import { localizedText } from './localized.js';

/**
 * @typedef {{ name: string, value: string }} CheckParam
 * @typedef {{ name: string, outcome: string, code?: string | null, params?: CheckParam[] | null, message: string }} Check
 * @typedef {{ did: string, name: string, countryCode: string }} TrustedIssuer
 * @typedef {{ verified: boolean, verdict: string, securedWith: string | null, credentialId: string | null,
 *   issuer: TrustedIssuer | null, credential: Record<string, unknown> | null, checks: Check[] }} Verification
 */

/** @type {Record<string, 'good' | 'bad' | 'warn'>} */
const TONES = {
  VALID: 'good',
  REVOKED: 'bad',
  SUSPENDED: 'warn',
  EXPIRED: 'warn',
  NOT_YET_VALID: 'warn',
  STATUS_UNKNOWN: 'warn',
  INVALID: 'bad',
};
const KNOWN_CHECKS = ['DATA_MODEL', 'PROOF', 'ISSUER', 'STATUS', 'VALIDITY_PERIOD'];
const KNOWN_OUTCOMES = ['PASSED', 'FAILED', 'UNKNOWN', 'NOT_CHECKED'];

/** @typedef {Record<string, unknown>} Json */

/** @param {unknown} value @returns {Json} */
const record = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Json} */ (value) : {});
/** @param {unknown} value @returns {unknown[]} */
const list = (value) => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
/** @param {unknown} value @returns {string | null} */
const text = (value) => (typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null);

/**
 * A credential's text in the reader's language (VC 2.0 language-tagged values), marked with its own
 * language when that differs from the page's, so screen readers pronounce it right.
 * @param {unknown} value
 * @returns {HTMLElement | null}
 */
function localizedNode(value) {
  const chosen = localizedText(value, language());
  if (!chosen) return null;
  const differs = chosen.language !== null && chosen.language.split('-')[0] !== language();
  return h('span', { lang: differs ? chosen.language : null, dir: chosen.direction }, chosen.text);
}

/** @param {unknown} value */
function profile(value) {
  const p = record(value);
  return { name: localizedNode(p.name) ?? text(p.id), did: text(p.id), country: text(record(p.address).addressCountryCode) };
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

/** Credentials carry UTC dates: a day shown in UTC is the day the issuer meant. @param {string | null} iso */
const date = (iso) => (iso ? formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' }) : null);

/** @param {Verification} result */
const failed = (result) => result.checks.some((c) => c.outcome === 'FAILED');

/** The parts of the credential every view needs. @param {Verification} result */
function claims(result) {
  const document = record(result.credential);
  const subject = record(list(document.credentialSubject)[0]);
  const achievement = record(subject.achievement);
  const holder = list(subject.identifier)
    .map(record)
    .find((i) => i.identityType === 'name' && i.hashed === false);
  return {
    document,
    subject,
    achievement,
    issuer: profile(document.issuer),
    holder: text(holder?.identityHash),
    // MAGIX context v3 keeps the plain English `name` Open Badges requires and every language in `localizedName`.
    title: localizedNode(achievement.localizedName ?? achievement.name) ?? localizedNode(document.localizedName ?? document.name),
    date: date(text(subject.activityEndDate) ?? text(document.validFrom) ?? text(document.issuanceDate)),
  };
}

/**
 * The verdict: a word, then a sentence. It takes focus after a paste, so it is focusable by script.
 * @param {Verification} result
 */
export function verdictBanner(result) {
  const verdict = TONES[result.verdict] ? result.verdict : 'INVALID';
  return h(
    'div',
    { class: `verdict verdict-${TONES[verdict]}`, 'data-verdict': result.verdict, id: 'verdict', tabindex: -1 },
    h('strong', {}, t(`verify:verdict.${verdict}.title`)),
    h('span', {}, t(`verify:verdict.${verdict}.text`)),
  );
}

/**
 * The warning above claims that a failed check leaves unconfirmed; null when every check held.
 * @param {Verification} result
 * @param {string} id
 */
function untrustedWarning(result, id) {
  if (!failed(result)) return null;
  return h('p', { class: 'untrusted-warning', id }, h('strong', {}, t('verify:untrusted.title')), ' ', t('verify:untrusted.text'));
}

/**
 * Holder, achievement, issuer and date: what fits a phone's first screen beside the verdict.
 * @param {Verification} result
 */
export function claimsSummary(result) {
  if (!result.credential) return null;
  const c = claims(result);
  const trust = failed(result) ? 'untrusted' : 'trusted';
  return h(
    'section',
    { class: `claims claims-${trust}`, id: 'summary', 'data-trust': trust, 'aria-label': t('verify:summary.label') },
    untrustedWarning(result, 'untrusted'),
    facts([
      [t('verify:summary.holder'), c.holder ?? t('verify:details.notStated')],
      [t('verify:summary.achievement'), c.title],
      [t('verify:summary.issuer'), result.issuer && !failed(result) ? result.issuer.name : c.issuer.name],
      [t('verify:summary.date'), c.date],
    ]),
  );
}

/** Params of text the platform does not write itself (a library's error): English in every language. */
const ENGLISH_PARAMS = ['detail'];
// Marks where an English param goes in the translated text; no message holds this character.
const MARK = '\u0000';

/**
 * What a check found, in the reader's language: its code's message filled with its params, dates
 * in the reader's form, and only what stays English marked so. A code this page does not know
 * (a newer server) shows the server's English message, marked as English.
 * @param {Check} check
 */
function checkMessage(check) {
  const key = `verify:checkMessage.${check.code ?? ''}`;
  if (!check.code || !exists(key)) return h('span', { lang: 'en' }, check.message);
  const params = new Map((check.params ?? []).map((p) => [p.name, p.value]));
  /** @type {Record<string, string>} */
  const values = {};
  for (const [name, value] of params) {
    values[name] = ENGLISH_PARAMS.includes(name) ? `${MARK}${name}${MARK}` : name === 'date' ? (date(value) ?? value) : value;
  }
  const parts = t(key, values).split(MARK);
  // split() leaves the marked names at the odd places.
  return h(
    'span',
    {},
    parts.map((part, i) => (i % 2 === 1 ? h('span', { lang: 'en' }, params.get(part) ?? '') : part)),
  );
}

/** @param {Check} check */
function checkItem(check) {
  const outcome = KNOWN_OUTCOMES.includes(check.outcome) ? t(`verify:outcome.${check.outcome}`) : check.outcome;
  const name = KNOWN_CHECKS.includes(check.name) ? t(`verify:check.${check.name}`) : check.name;
  return h(
    'li',
    { 'data-check': check.name, 'data-outcome': check.outcome },
    h('span', {}, h('span', { class: `outcome outcome-${check.outcome}` }, outcome)),
    h('span', {}, h('strong', {}, name), ' — ', checkMessage(check)),
  );
}

/** @param {Check[]} checks */
export function checkList(checks) {
  return h('ul', { class: 'checks', id: 'checks' }, checks.map(checkItem));
}

/**
 * The consortium-member row: green only when every check held, so a tampered credential that names a
 * real member never shows the badge.
 * @param {Verification} result
 */
function memberBadge(result) {
  if (failed(result)) return h('span', { class: 'badge badge-bad', id: 'member-badge' }, t('verify:details.memberUnconfirmed'));
  const trusted = result.issuer !== null && result.checks.some((c) => c.name === 'ISSUER' && c.outcome === 'PASSED');
  return trusted
    ? h('span', { class: 'badge badge-good', id: 'member-badge' }, t('verify:details.memberYes'))
    : h('span', { class: 'badge badge-bad', id: 'member-badge' }, t('verify:details.memberNo'));
}

/** @param {Verification} result */
function securedWith(result) {
  if (result.securedWith === 'JOSE') return 'VC-JOSE (EdDSA)';
  return result.securedWith ? 'Data Integrity (eddsa-rdfc-2022)' : null;
}

/**
 * Who issued it, to whom, for what; for a degree, its co-awarders and the modules it stacks.
 * @param {Verification} result
 */
export function credentialDetails(result) {
  const { document, subject, achievement, issuer, holder, title, date: awarded } = claims(result);
  const grade = text(record(list(subject.result)[0]).value);
  const isDegree = achievement.achievementType === 'MasterDegree';
  const coAwarders = list(document.coAwardedBy).map(profile);
  // Degrees name their modules as evidence; older ones only list them by id.
  const evidence = new Map(list(document.evidence).map((e) => [text(record(e).id), record(e)]));
  // A module credential's relatedResource pins its contexts; only a degree's name the modules it stacks.
  const stacked = (isDegree ? list(document.relatedResource) : []).map((r) => {
    const id = text(record(r).id) ?? '';
    const named = evidence.get(id);
    return {
      id,
      name: localizedNode(named?.localizedName ?? named?.name),
      description: localizedNode(named?.localizedDescription ?? named?.description),
    };
  });
  const trust = failed(result) ? 'untrusted' : 'trusted';

  return h(
    'div',
    { id: 'details', class: `claims claims-${trust}`, 'data-trust': trust },
    untrustedWarning(result, 'untrusted-details'),
    h('h2', {}, t('verify:details.issuedBy')),
    facts([
      [t('verify:details.issuer'), (!failed(result) ? result.issuer?.name : null) ?? issuer.name ?? t('verify:details.unknown')],
      [t('verify:details.country'), (!failed(result) ? result.issuer?.countryCode : null) ?? issuer.country],
      [t('verify:details.member'), memberBadge(result)],
      [t('verify:details.issuerId'), issuer.did],
    ]),
    h('h2', {}, t('verify:details.awardedTo')),
    facts([[t('verify:details.name'), holder ?? t('verify:details.notStated')]]),
    h('h2', {}, t('verify:details.for')),
    facts([
      [isDegree ? t('verify:details.degree') : t('verify:details.module'), title],
      [t('verify:details.description'), localizedNode(achievement.localizedDescription ?? achievement.description)],
      [t('verify:details.criteria'), localizedNode(record(achievement.criteria).narrative)],
      [t('verify:details.code'), text(achievement.humanCode)],
      [t('verify:details.ects'), text(subject.creditsEarned) ?? text(achievement.creditsAvailable)],
      [t('verify:details.eqf'), eqfLevel(achievement)],
      [t('verify:details.grade'), grade],
      [t('verify:details.date'), awarded],
      [t('verify:details.validUntil'), date(text(document.validUntil))],
      [t('verify:details.securedWith'), securedWith(result)],
      [t('verify:details.credentialId'), result.credentialId ?? text(document.id)],
    ]),
    isDegree || coAwarders.length
      ? [
          h('h2', {}, t('verify:details.coAwardedBy')),
          h(
            'ul',
            { id: 'co-awarders' },
            coAwarders.map((p) => h('li', {}, p.name, p.country ? ` (${p.country})` : '')),
          ),
        ]
      : null,
    stacked.length
      ? [
          h('h2', {}, t('verify:details.stacks', { number: stacked.length })),
          h('p', { class: 'hint' }, t('verify:details.stacksHint')),
          h(
            'ul',
            { id: 'stacked' },
            stacked.map(({ id, name, description }) =>
              h('li', {}, name ? [h('strong', {}, name), description ? ' — ' : '', description, h('br', {})] : null, h('code', {}, id)),
            ),
          ),
        ]
      : null,
  );
}

/**
 * The credential as it was received, behind a control: most readers never need it.
 * @param {string} raw
 */
export function rawCredential(raw) {
  let shown = raw.trim();
  try {
    shown = JSON.stringify(JSON.parse(shown), null, 2);
  } catch {
    // A VC-JOSE token or malformed text is shown as it came.
  }
  return h(
    'details',
    { class: 'raw-credential', id: 'raw-credential' },
    h('summary', {}, t('verify:result.showCredential')),
    h('pre', { tabindex: 0 }, h('code', {}, shown)),
  );
}
