// HEI staff: the enrolments awaiting a result, a form to record one, and a results CSV import.
import { ApiError, gql } from './api.js';
import { byId, h, replace } from './dom.js';
import { formatDate, initI18n, t } from './i18n.js';
import { mountImport } from './staff-import.js';
import { dataTable, errorText, field, focusHeading, labelled, notice, sessionBar, translateChrome, withRole } from './staff-session.js';

/**
 * @typedef {{ id: string, enrolledAt: string, learner: { givenName: string, familyName: string, email: string },
 *   offering: { id: string, code: string, module: { title: string } } }} Awaiting
 */

const AWAITING = `{ enrolments(status: ENROLLED, limit: 100) { items {
  id enrolledAt learner { givenName familyName email } offering { id code module { title } } } } }`;
const RECORD = `mutation($input: RecordResultInput!) { recordResult(input: $input) {
  alreadyRecorded result { grade passed gradingScale } credential { id } } }`;

const app = byId('app');

/** @param {Awaiting} enrolment */
const nameOf = (enrolment) => `${enrolment.learner.givenName} ${enrolment.learner.familyName}`;

/**
 * Which field a refused result is about: the one the server names (extensions.field, kept by
 * ApiError), else the message's wording for errors that name no field (date and pass/fail first).
 * @param {unknown} error
 * @returns {'grade' | 'passed' | 'assessedOn' | null}
 */
function fieldOf(error) {
  const named = error instanceof ApiError ? error.field : undefined;
  if (named === 'grade' || named === 'passed' || named === 'assessedOn') return named;
  const text = typeof named === 'string' ? named : error instanceof Error ? error.message : '';
  if (/assessedOn|date|day/i.test(text)) return 'assessedOn';
  if (/\bpassed\b|this grade (passes|fails)/i.test(text)) return 'passed';
  if (/grade|scale/i.test(text)) return 'grade';
  return null;
}

/**
 * @param {Awaiting} enrolment
 * @param {() => void} onRecorded
 */
function recordForm(enrolment, onRecorded) {
  const grade = field('grade', t('record.grade'), h('input', { type: 'text', autocomplete: 'off', required: true }), t('record.gradeHint'));
  const passed = field(
    'passed',
    t('record.passed'),
    h(
      'select',
      {},
      h('option', { value: '' }, t('record.passedFromScale')),
      h('option', { value: 'true' }, t('record.passedYes')),
      h('option', { value: 'false' }, t('record.passedNo')),
    ),
  );
  const today = new Date().toISOString().slice(0, 10);
  const date = field('assessed-on', t('record.date'), h('input', { type: 'date', required: true, max: today, value: today }));
  const outcome = h('div', { id: 'record-outcome', 'aria-live': 'polite' });
  const fields = { grade, passed, assessedOn: date };
  const form = h(
    'form',
    { class: 'panel', id: 'record-form', novalidate: true },
    h('h3', { id: 'record-heading' }, t('record.heading', { name: nameOf(enrolment), offering: enrolment.offering.code })),
    h('div', { class: 'grid-fields' }, grade.wrap, passed.wrap, date.wrap),
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'record-button' }, t('record.submit'))),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.setError());
    replace(outcome);
    const gradeValue = /** @type {HTMLInputElement} */ (grade.control).value.trim();
    const dateValue = /** @type {HTMLInputElement} */ (date.control).value;
    const passedValue = /** @type {HTMLSelectElement} */ (passed.control).value;
    if (!gradeValue) grade.setError(t('record.gradeRequired'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateValue)) date.setError(t('record.dateRequired'));
    if (!gradeValue || !/^\d{4}-\d{2}-\d{2}$/.test(dateValue)) {
      (gradeValue ? date.control : grade.control).focus();
      return;
    }
    const input = {
      enrolmentId: enrolment.id,
      grade: gradeValue,
      assessedOn: dateValue,
      ...(passedValue ? { passed: passedValue === 'true' } : {}),
    };
    gql(RECORD, { input }).then(
      (/** @type {{ recordResult: { result: { grade: string, passed: boolean }, credential: { id: string } | null } }} */ data) => {
        const { result, credential } = data.recordResult;
        const key = result.passed ? (credential ? 'record.donePassed' : 'record.donePassedNoCredential') : 'record.doneFailed';
        onRecorded();
        replace(byId('record-area'), notice(t(key, { name: nameOf(enrolment), grade: result.grade })));
        focusHeading('awaiting-heading');
      },
      (/** @type {unknown} */ error) => {
        const which = fieldOf(error);
        const message = error instanceof Error ? error.message : String(error);
        if (which) {
          fields[which].setError(message);
          fields[which].control.focus();
        } else replace(outcome, notice(errorText(error), true));
      },
    );
  });
  return form;
}

/** The list of enrolments awaiting a result; choosing one opens its form below. */
async function showAwaiting() {
  const list = byId('awaiting-list');
  replace(list, h('p', {}, t('common:loading')));
  try {
    /** @type {{ enrolments: { items: Awaiting[] } }} */
    const data = await gql(AWAITING);
    const items = data.enrolments.items;
    if (items.length === 0) {
      replace(list, h('p', { id: 'awaiting-empty' }, t('awaiting.none')));
      return;
    }
    const rows = items.map((enrolment) => [
      nameOf(enrolment),
      enrolment.learner.email,
      h('span', {}, enrolment.offering.module.title, h('br'), h('small', {}, enrolment.offering.code)),
      formatDate(enrolment.enrolledAt),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-enrolment': enrolment.id,
          onclick: () => {
            replace(
              byId('record-area'),
              recordForm(enrolment, () => void showAwaiting()),
            );
            byId('grade').focus();
          },
        },
        labelled(t('awaiting.record'), `${nameOf(enrolment)}, ${enrolment.offering.code}`),
      ),
    ]);
    replace(
      list,
      dataTable(
        t('awaiting.heading'),
        [t('awaiting.learner'), t('common:email'), t('awaiting.offering'), t('awaiting.enrolledAt'), t('awaiting.action')],
        rows,
        'awaiting-table',
      ),
    );
  } catch (error) {
    replace(list, notice(errorText(error), true));
  }
}

/** @param {{ email: string, organisationId: string | null }} me */
function showPage(me) {
  replace(
    app,
    sessionBar(me.email, () => start()),
    h(
      'section',
      { 'aria-labelledby': 'awaiting-heading' },
      h('h2', { id: 'awaiting-heading' }, t('awaiting.heading')),
      h('div', { id: 'awaiting-list' }),
    ),
    h('div', { id: 'record-area' }),
    h('section', { 'aria-labelledby': 'import-heading', id: 'import-section' }),
  );
  void showAwaiting();
  mountImport(byId('import-section'), me.organisationId, () => void showAwaiting());
}

function start() {
  withRole(app, { role: 'ISSUER', heading: t('session.heading'), hint: t('session.hint'), onSignedIn: showPage });
}

await initI18n(['staff']);
translateChrome();
start();
