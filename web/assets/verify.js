/* global location, fetch */
// The verification page: paste, drop or choose a credential, or arrive by a share link / ?credential=.
import { gql } from './api.js';
import { byId, h, replace } from './dom.js';
import { checkList, credentialDetails, verdictBanner } from './credential-view.js';

/** @typedef {import('./credential-view.js').Verification} Verification */

const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) {
  verified verdict securedWith credentialId issuer { did name countryCode } credential checks { name outcome message } } }`;

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

/** @param {string} raw */
async function verify(raw) {
  if (!raw.trim()) {
    replace(result, h('p', { class: 'error' }, 'Paste a credential, or choose a file, first.'));
    return;
  }
  replace(result, h('p', {}, 'Checking…'));
  try {
    /** @type {{ verifyCredential: Verification }} */
    const data = await gql(VERIFY, { c: parse(raw) });
    const report = data.verifyCredential;
    replace(
      result,
      verdictBanner(report),
      h('h2', {}, 'Checks'),
      checkList(report.checks),
      report.credential ? credentialDetails(report) : null,
    );
  } catch (error) {
    replace(result, h('p', { class: 'error' }, `The check could not be run: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** @param {File} chosen */
async function verifyFile(chosen) {
  const content = await chosen.text();
  input.value = content;
  await verify(content);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void verify(input.value);
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

/** A share link (/c/<token>) or ?credential=… opens with its verdict already shown. */
async function preload() {
  const share = /^\/c\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  if (share) {
    const base = `/c/${share[1]}`;
    byId('shared-note').hidden = false;
    const pdf = /** @type {HTMLAnchorElement} */ (byId('shared-pdf'));
    pdf.href = `${base}/certificate.pdf`;
    const response = await fetch(`${base}/credential.json`);
    if (!response.ok) {
      replace(result, h('p', { class: 'error' }, 'This link no longer leads to a credential.'));
      return;
    }
    const text = await response.text();
    input.value = text;
    await verify(text);
    return;
  }
  const given = new URLSearchParams(location.search).get('credential');
  if (given) {
    input.value = given;
    await verify(given);
  }
}

void preload();
