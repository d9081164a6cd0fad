/* global setTimeout */
// A results CSV import: checked whole first (per-row errors in a table), then a job whose progress is polled.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { formatNumber, t } from './i18n.js';
import { dataTable, errorText, field, notice } from './staff-session.js';

/**
 * @typedef {{ id: string, status: string, done: number, failed: number, total: number, issued: number, failures: string[], finishedAt: string | null }} Job
 * @typedef {{ code: string, startsOn: string, module: { title: string, providerId: string } }} OwnOffering
 * @typedef {{ valid: boolean, dryRun: boolean, rows: number, toRecord: number, unchanged: number,
 *   errors: Array<{ line: number, column: string, reason: string, code: string }>, job: Job | null }} Report
 */

const OFFERINGS = '{ offerings(limit: 100) { items { code startsOn module { title providerId } } } }';
const JOB_FIELDS = 'id status done failed total issued failures finishedAt';
const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) {
  valid dryRun rows toRecord unchanged errors { line column reason code } job { ${JOB_FIELDS} } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`;
const POLL_MS = 300;

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {HTMLElement} output
 * @param {Job} first
 */
async function follow(output, first) {
  const bar = /** @type {HTMLProgressElement} */ (
    h('progress', { id: 'import-progress', max: Math.max(first.total, 1), value: first.done, 'aria-labelledby': 'import-progress-label' })
  );
  const label = h('p', { id: 'import-progress-label' });
  const status = h('div', { id: 'import-status', 'aria-live': 'polite' });
  replace(output, label, bar, status);
  let job = first;
  for (;;) {
    const percent = job.total === 0 ? 100 : Math.round((100 * (job.done + job.failed)) / job.total);
    bar.value = job.done + job.failed;
    replace(
      label,
      t('import.progress', { percent: formatNumber(percent), done: formatNumber(job.done + job.failed), total: formatNumber(job.total) }),
    );
    if (job.status === 'DONE' || job.status === 'FAILED' || job.finishedAt) break;
    await pause(POLL_MS);
    /** @type {{ importJob: Job }} */
    const data = await gql(JOB, { id: job.id });
    job = data.importJob;
  }
  replace(
    status,
    notice(t('import.finished', { recorded: job.done, issued: job.issued, failed: job.failed }), job.failed > 0),
    job.failures.length > 0
      ? h(
          'ul',
          { id: 'import-failures' },
          job.failures.map((failure) => h('li', {}, failure)),
        )
      : null,
  );
}

/**
 * @param {HTMLElement} output
 * @param {Report} report
 * @param {() => void} onImported
 */
function showReport(output, report, onImported) {
  const summary = h(
    'p',
    { id: 'import-summary', tabindex: -1 },
    t('import.summary', { rows: report.rows, toRecord: report.toRecord, unchanged: report.unchanged, errors: report.errors.length }),
  );
  if (!report.valid) {
    replace(
      output,
      summary,
      notice(t('import.nothingRecorded'), true),
      dataTable(
        t('import.errorsCaption'),
        [t('import.line'), t('import.column'), t('import.reason')],
        report.errors.map((error) => [String(error.line), error.column, error.reason]),
        'import-errors',
      ),
    );
    return;
  }
  if (report.dryRun) {
    replace(output, summary, notice(t('import.dryRunDone')));
    return;
  }
  if (!report.job || report.toRecord === 0) {
    replace(output, summary, notice(t('import.nothingToRecord')));
    return;
  }
  const progress = h('div', { id: 'import-job' });
  replace(output, summary, progress);
  follow(progress, report.job).then(onImported, (error) => replace(progress, notice(errorText(error), true)));
}

/**
 * @param {HTMLElement} section
 * @param {string | null} organisationId the signed-in HEI, whose offerings are offered
 * @param {() => void} onImported
 */
export function mountImport(section, organisationId, onImported) {
  const offering = field('import-offering', t('import.offering'), h('select', { required: true }));
  const file = field(
    'import-file',
    t('import.file'),
    h('input', { type: 'file', accept: '.csv,text/csv', required: true }),
    t('import.fileHint'),
  );
  const dryRun = h('input', { type: 'checkbox', id: 'import-dry-run' });
  const output = h('div', { id: 'import-output' });
  const form = h(
    'form',
    { class: 'panel', id: 'import-form', novalidate: true },
    h('div', { class: 'grid-fields' }, offering.wrap, file.wrap),
    h('p', {}, h('label', { class: 'choice', for: 'import-dry-run' }, dryRun, t('import.dryRun'))),
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'import-button' }, t('import.submit'))),
  );
  replace(section, h('h2', { id: 'import-heading' }, t('import.heading')), h('p', { class: 'hint' }, t('import.intro')), form, output);

  gql(OFFERINGS).then(
    (/** @type {{ offerings: { items: OwnOffering[] } }} */ data) => {
      // The newest run first: the one whose results are usually due.
      const mine = data.offerings.items
        .filter((item) => item.module.providerId === organisationId)
        .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
      replace(
        offering.control,
        mine.map((item) => h('option', { value: item.code }, `${item.code} — ${item.module.title}`)),
      );
    },
    (error) => replace(output, notice(errorText(error), true)),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    offering.setError();
    file.setError();
    replace(output);
    const code = /** @type {HTMLSelectElement} */ (offering.control).value;
    const chosen = /** @type {HTMLInputElement} */ (file.control).files?.[0];
    if (!code) offering.setError(t('import.offeringRequired'));
    if (!chosen) file.setError(t('import.fileRequired'));
    if (!code || !chosen) return;
    replace(output, h('p', {}, t('import.checking')));
    chosen
      .text()
      .then((csv) => gql(IMPORT, { input: { offeringCode: code, csv, dryRun: /** @type {HTMLInputElement} */ (dryRun).checked } }))
      .then(
        (/** @type {{ importResults: Report }} */ data) => {
          showReport(output, data.importResults, onImported);
          // The outcome is read from its summary on, errors table included.
          /** @type {HTMLElement | null} */ (output.querySelector('#import-summary'))?.focus();
        },
        (error) => replace(output, notice(errorText(error), true)),
      );
  });
}
