/* global document, fetch, setTimeout */
// Review batches: each application with its motivation and CV at hand, a decision with a reason, then closing the batch.
import { gql, token } from './api.js';
import { h, replace } from './dom.js';
import { formatDate, formatNumber, t } from './i18n.js';
import { dataTable, errorText, field, notice } from './staff-session.js';

/**
 * @typedef {{ filename: string, sizeBytes: number }} Document
 * @typedef {{ id: string, status: string, submittedAt: string, profile: string | null, discipline: string | null,
 *   publicEmployerName: string | null, publicEmployer: { name: string } | null, motivation: string | null, decisionReason: string | null,
 *   reserveRank: number | null, cv: Document | null, motivationLetter: Document | null, edition: { code: string } | null,
 *   offering: { code: string } | null, learner: { givenName: string, familyName: string, email: string, sector: string } }} Application
 * @typedef {{ id: string, openedAt: string, closedAt: string | null, offeringId: string | null }} Batch
 */

const BATCHES = '{ reviewBatches(limit: 20) { items { id openedAt closedAt offeringId } } }';
const APPLICATIONS = `query($batchId: ID) { applications(batchId: $batchId, limit: 100) { items {
  id status submittedAt profile discipline publicEmployerName publicEmployer { name } motivation decisionReason reserveRank
  cv { filename sizeBytes } motivationLetter { filename sizeBytes } edition { code } offering { code }
  learner { givenName familyName email sector } } } }`;
const OPEN = 'mutation { openReviewBatch(input: {}) { id } }';
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status reserveRank decisionReason } }`;
const CLOSE = 'mutation($id: ID!) { closeReviewBatch(batchId: $id) { id closedAt } }';
const DECISIONS = ['ACCEPTED', 'RESERVE', 'REJECTED'];

/**
 * Downloads an application's PDF with the signed-in token (a plain link would carry none).
 * @param {string} applicationId
 * @param {'cv' | 'motivation'} kind
 * @param {string} filename
 */
async function downloadDocument(applicationId, kind, filename) {
  const bearer = token();
  const response = await fetch(`/applications/${applicationId}/${kind}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * @param {Application} application
 * @param {'cv' | 'motivation'} kind
 * @param {Document} document
 * @param {HTMLElement} errors
 */
function documentButton(application, kind, document, errors) {
  const name = `${application.learner.givenName} ${application.learner.familyName}`;
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-download': kind,
      onclick: () =>
        void downloadDocument(application.id, kind, document.filename).catch((error) => replace(errors, notice(errorText(error), true))),
    },
    t(kind === 'cv' ? 'batches.downloadCv' : 'batches.downloadLetter', { name, size: formatNumber(Math.ceil(document.sizeBytes / 1024)) }),
  );
}

/**
 * @param {Batch} batch
 * @param {Application} application
 * @param {() => void} onDecided
 */
function applicationCard(batch, application, onDecided) {
  const name = `${application.learner.givenName} ${application.learner.familyName}`;
  const prefix = `decide-${application.id}`;
  const errors = h('div', { 'aria-live': 'polite' });
  const choices = h(
    'fieldset',
    {},
    h('legend', {}, t('batches.decision')),
    DECISIONS.map((decision) =>
      h(
        'label',
        { class: 'choice', for: `${prefix}-${decision}` },
        h('input', { type: 'radio', name: prefix, id: `${prefix}-${decision}`, value: decision, checked: application.status === decision }),
        t(`batches.decisions.${decision}`),
      ),
    ),
  );
  const choiceError = h('p', { class: 'field-error', id: `${prefix}-choice-error` });
  // A decision stays open to change until the batch closes: the form starts from it.
  const reason = field(
    `${prefix}-reason`,
    t('batches.reason'),
    h('input', { type: 'text', value: application.decisionReason ?? '' }),
    t('batches.reasonHint'),
  );
  const form = h(
    'form',
    { class: 'decide-form', novalidate: true, 'data-application': application.id },
    choices,
    choiceError,
    reason.wrap,
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, t('batches.decide', { name }))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replace(choiceError);
    reason.setError();
    replace(errors);
    const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${prefix}"]:checked`));
    const why = /** @type {HTMLInputElement} */ (reason.control).value.trim();
    if (!chosen) replace(choiceError, t('batches.decisionRequired'));
    if (why.length < 3) reason.setError(t('batches.reasonRequired'));
    if (!chosen || why.length < 3) return;
    gql(DECIDE, { input: { batchId: batch.id, applicationId: application.id, decision: chosen.value, reason: why } }).then(
      onDecided,
      (error) => replace(errors, notice(errorText(error), true)),
    );
  });
  const profile = application.profile
    ? `${t(`batches.profiles.${application.profile}`)}: ${application.discipline ?? application.publicEmployer?.name ?? application.publicEmployerName ?? ''}`
    : null;
  const decided = application.status !== 'SUBMITTED';
  return h(
    'article',
    { class: 'application', 'data-application': application.id, 'data-status': application.status, 'aria-labelledby': `${prefix}-name` },
    h(
      'h4',
      { id: `${prefix}-name` },
      name,
      ' ',
      h('span', { class: `status status-${application.status}` }, t(`status.${application.status}`)),
    ),
    h(
      'p',
      {},
      application.learner.email,
      ' · ',
      application.offering ? application.offering.code : t('batches.degree', { edition: application.edition?.code ?? '' }),
      ' · ',
      t('batches.submitted', { date: formatDate(application.submittedAt) }),
    ),
    profile ? h('p', {}, profile) : null,
    h('h5', {}, t('batches.motivation')),
    application.motivation ? h('p', { class: 'motivation' }, application.motivation) : null,
    h(
      'p',
      { class: 'inline-actions' },
      application.cv ? documentButton(application, 'cv', application.cv, errors) : h('span', { class: 'error' }, t('batches.noCv')),
      application.motivationLetter ? documentButton(application, 'motivation', application.motivationLetter, errors) : null,
    ),
    decided && application.decisionReason ? h('p', {}, t('batches.decidedBecause', { reason: application.decisionReason })) : null,
    batch.closedAt ? null : form,
    errors,
  );
}

/** After a decision the batch is drawn again: the keyboard goes on to the next undecided application, or to closing. */
function focusNext() {
  const next = /** @type {HTMLElement | null} */ (
    document.querySelector('#batch-area article[data-status="SUBMITTED"] input[type="radio"]')
  );
  (next ?? /** @type {HTMLElement | null} */ (document.getElementById('batch-close')))?.focus();
}

/**
 * @param {HTMLElement} place
 * @param {Batch} batch
 * @param {() => void} onClosed
 */
async function showBatch(place, batch, onClosed) {
  /** @type {{ applications: { items: Application[] } }} */
  const data = await gql(APPLICATIONS, { batchId: batch.id });
  const items = data.applications.items;
  const outcome = h('div', { 'aria-live': 'polite', id: 'batch-outcome' });
  const undecided = items.filter((application) => application.status === 'SUBMITTED').length;
  replace(
    place,
    h('h3', { id: 'batch-heading' }, t('batches.batchHeading', { date: formatDate(batch.openedAt), count: items.length })),
    h('p', { id: 'batch-undecided' }, t('batches.undecided', { count: undecided })),
    items.map((application) => applicationCard(batch, application, () => void showBatch(place, batch, onClosed).then(focusNext))),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'batch-close',
          disabled: undecided > 0,
          onclick: () =>
            void gql(CLOSE, { id: batch.id }).then(
              () => {
                onClosed();
              },
              (error) => replace(outcome, notice(errorText(error), true)),
            ),
        },
        t('batches.close'),
      ),
    ),
    outcome,
  );
}

/** @param {HTMLElement} section */
export function mountBatches(section) {
  const place = h('div', { id: 'batch-area' });
  const closedList = h('div', { id: 'batches-closed' });
  const actions = h('div', { 'aria-live': 'polite' });
  function refresh(message = '') {
    gql(BATCHES).then(
      (/** @type {{ reviewBatches: { items: Batch[] } }} */ data) => {
        const open = data.reviewBatches.items.find((batch) => batch.closedAt === null && batch.offeringId === null);
        replace(actions, message ? notice(message) : null);
        if (open)
          showBatch(place, open, () => refresh(t('batches.closed'))).catch((error) => replace(place, notice(errorText(error), true)));
        else
          replace(
            place,
            h('p', {}, t('batches.noneOpen')),
            h(
              'p',
              {},
              h(
                'button',
                {
                  type: 'button',
                  id: 'batch-open',
                  onclick: () =>
                    void gql(OPEN).then(
                      () => refresh(),
                      (error) => replace(actions, notice(errorText(error), true)),
                    ),
                },
                t('batches.open'),
              ),
            ),
          );
        const closed = data.reviewBatches.items.filter((batch) => batch.closedAt !== null);
        replace(
          closedList,
          closed.length === 0
            ? null
            : dataTable(
                t('batches.closedHeading'),
                [t('batches.openedAt'), t('batches.closedAt')],
                closed.map((batch) => [formatDate(batch.openedAt), formatDate(batch.closedAt ?? '')]),
              ),
        );
      },
      (error) => replace(place, notice(errorText(error), true)),
    );
  }
  replace(
    section,
    h('h2', { id: 'batches-heading' }, t('batches.heading')),
    h('p', { class: 'hint' }, t('batches.intro')),
    actions,
    place,
    closedList,
  );
  refresh();
}
