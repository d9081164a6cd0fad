/* global document, location, fetch, setTimeout */
// The verification page: paste, drop or choose a credential, or arrive by a share link / ?credential= / #credential=.
// The verdict comes first; after a paste, drop or file it scrolls into view and takes focus.
import { gql } from './api.js';
import { byId, h, replace } from './dom.js';
import { checkList, claimsSummary, credentialDetails, rawCredential, verdictBanner } from './credential-view.js';
import { initI18n, t } from './i18n.js';

await initI18n(['verify']);

/** @typedef {import('./credential-view.js').Verification} Verification */

const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) {
  verified verdict securedWith credentialId issuer { did name countryCode } credential checks { name outcome code params { name value } message } } }`;

const form = /** @type {HTMLFormElement} */ (byId('verify-form'));
const input = /** @type {HTMLTextAreaElement} */ (byId('credential-input'));
const file = /** @type {HTMLInputElement} */ (byId('credential-file'));
const dropZone = byId('drop-zone');
const result = byId('result');

/**
 * JSON text becomes an object; anything else (a VC-JOSE compact JWS) is sent as the string it is.
 * @param {string} raw
 * @returns {unknown}
 */
function parse(raw) {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{')) {
    try {
      return /** @type {unknown} */ (JSON.parse(trimmed));
    } catch {
      return trimmed; // The server answers a malformed document with an INVALID report, which says why.
    }
  }
  return trimmed;
}

/**
 * @param {string} raw
 * @param {{ focus: boolean }} options focus moves to the verdict when the reader just gave a credential
 */
async function verify(raw, { focus }) {
  if (!raw.trim()) {
    replace(result, h('p', { class: 'error', role: 'alert' }, t('form.empty')));
    return;
  }
  replace(result, h('p', {}, t('result.checking')));
  try {
    /** @type {{ verifyCredential: Verification }} */
    const data = await gql(VERIFY, { c: parse(raw) });
    const report = data.verifyCredential;
    const verdict = verdictBanner(report);
    replace(
      result,
      verdict,
      claimsSummary(report),
      h('h2', {}, t('result.checks')),
      checkList(report.checks),
      report.credential ? credentialDetails(report) : null,
      rawCredential(raw),
    );
    if (focus) {
      verdict.scrollIntoView({ block: 'start' });
      verdict.focus({ preventScroll: true });
    }
  } catch (error) {
    replace(
      result,
      h('p', { class: 'error', role: 'alert' }, t('result.failed', { message: error instanceof Error ? error.message : String(error) })),
    );
  }
}

/** @param {File} chosen */
async function verifyFile(chosen) {
  const content = await chosen.text();
  input.value = content;
  await verify(content, { focus: true });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void verify(input.value, { focus: true });
});

// A paste is the reader's "here it is": verify it at once, once the pasted text is in the box.
input.addEventListener('paste', () => {
  setTimeout(() => void verify(input.value, { focus: true }), 0);
});

file.addEventListener('change', () => {
  const chosen = file.files?.[0];
  if (chosen) void verifyFile(chosen);
});

dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  const chosen = event.dataTransfer?.files[0];
  if (chosen) void verifyFile(chosen);
});

/**
 * A share link (/c/<token>) opens on its verdict: the form and the introduction make way, the
 * credential itself waits behind "show the credential".
 */
async function preload() {
  const share = /^\/c\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  if (share) {
    const base = `/c/${share[1]}`;
    document.body.classList.add('shared-credential');
    byId('shared-note').hidden = false;
    byId('intro').hidden = true;
    form.hidden = true;
    const pdf = /** @type {HTMLAnchorElement} */ (byId('shared-pdf'));
    pdf.href = `${base}/certificate.pdf`;
    byId('result-section').after(
      h('p', { class: 'actions' }, h('a', { class: 'button secondary', href: '/verify', id: 'verify-another' }, t('shared.another'))),
    );
    const response = await fetch(`${base}/credential.json`);
    if (!response.ok) {
      replace(result, h('p', { class: 'error', role: 'alert' }, t('shared.gone')));
      return;
    }
    await verify(await response.text(), { focus: false });
    return;
  }
  // The fragment never reaches the server, so it carries credentials longer than a request line may be.
  const given = new URLSearchParams(location.search).get('credential') ?? new URLSearchParams(location.hash.slice(1)).get('credential');
  if (given) {
    input.value = given;
    await verify(given, { focus: true });
  }
}

void preload();
