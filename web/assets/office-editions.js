// The programme's editions: the list, and one form to plan a new edition or change one.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { formatDate, formatNumber, t } from './i18n.js';
import { dataTable, errorText, field, labelled, notice } from './staff-session.js';

/**
 * @typedef {{ id: string, code: string, state: string, startsOn: string, endsOn: string, degreePlaces: number,
 *   degreeApplicationsOpenOn: string | null, degreeApplicationsCloseOn: string | null, targets: Array<{ metric: string, targetValue: number }> }} Edition
 */

const METRICS = ['GRADUATES', 'MODULE_PARTICIPANTS', 'PUBLIC_SECTOR_SHARE', 'MEMBER_ORGANISATIONS', 'MEMBER_COUNTRIES'];
const EDITION_FIELDS =
  'id code state startsOn endsOn degreePlaces degreeApplicationsOpenOn degreeApplicationsCloseOn targets { metric targetValue }';
const LIST = `{ programme { editions { ${EDITION_FIELDS} } } }`;
const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { ${EDITION_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEditionInput!) { updateEdition(input: $input) { ${EDITION_FIELDS} } }`;

/** @param {string | null} day */
const dateOrDash = (day) => (day ? formatDate(day) : '—');

/**
 * Which input a refused edition is about, from the server's message (editions name no field in their errors).
 * @param {string} message
 */
function fieldOf(message) {
  const candidates = [
    ['degreeApplicationsOpenOn', /applications? open|opensOn|OpenOn/i],
    ['degreeApplicationsCloseOn', /applications? close|closesOn|CloseOn/i],
    ['startsOn', /start/i],
    ['endsOn', /end/i],
    ['degreePlaces', /places/i],
    ['code', /code/i],
  ];
  return candidates.find(([, pattern]) => /** @type {RegExp} */ (pattern).test(message))?.[0] ?? null;
}

/**
 * @param {HTMLElement} area
 * @param {Edition | null} edition null: a new edition
 * @param {() => void} onSaved
 */
function editionForm(area, edition, onSaved) {
  /** @param {string} type @param {string | number | null | undefined} value */
  const input = (type, value) => h('input', { type, value: value ?? '', ...(type === 'number' ? { min: 0, step: 'any' } : {}) });
  const fields = {
    code: field('edition-code', t('editions.code'), input('text', edition?.code), t('editions.codeHint')),
    startsOn: field('edition-starts', t('editions.startsOn'), input('date', edition?.startsOn)),
    endsOn: field('edition-ends', t('editions.endsOn'), input('date', edition?.endsOn)),
    degreePlaces: field('edition-places', t('editions.places'), input('number', edition?.degreePlaces)),
    degreeApplicationsOpenOn: field('edition-window-opens', t('editions.windowOpens'), input('date', edition?.degreeApplicationsOpenOn)),
    degreeApplicationsCloseOn: field(
      'edition-window-closes',
      t('editions.windowCloses'),
      input('date', edition?.degreeApplicationsCloseOn),
    ),
  };
  const targetFields = METRICS.map((metric) =>
    field(
      `edition-target-${metric}`,
      t(`editions.metric.${metric}`),
      input('number', edition?.targets.find((target) => target.metric === metric)?.targetValue),
    ),
  );
  const outcome = h('div', { 'aria-live': 'polite', id: 'edition-outcome' });
  const heading = edition ? t('editions.editHeading', { code: edition.code }) : t('editions.newHeading');
  const form = h(
    'form',
    { class: 'panel', id: 'edition-form', novalidate: true },
    h('h3', { id: 'edition-form-heading' }, heading),
    h(
      'div',
      { class: 'grid-fields' },
      Object.values(fields).map((f) => f.wrap),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('editions.targets')),
      h(
        'div',
        { class: 'grid-fields' },
        targetFields.map((f) => f.wrap),
      ),
    ),
    h(
      'p',
      { class: 'actions inline-actions' },
      h('button', { type: 'submit', id: 'edition-save' }, t('editions.save')),
      h('button', { type: 'button', class: 'secondary', onclick: () => replace(area) }, t('cancel')),
    ),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.setError());
    replace(outcome);
    /** @param {{ control: HTMLElement }} f */
    const value = (f) => /** @type {HTMLInputElement} */ (f.control).value.trim();
    const missing = /** @type {Array<keyof typeof fields>} */ (['code', 'startsOn', 'endsOn', 'degreePlaces']).filter(
      (key) => !value(fields[key]),
    );
    missing.forEach((key) => fields[key].setError(t('required')));
    if (missing.length > 0) {
      fields[missing[0]].control.focus();
      return;
    }
    const targets = METRICS.flatMap((metric, i) => (value(targetFields[i]) ? [{ metric, value: Number(value(targetFields[i])) }] : []));
    const common = {
      code: value(fields.code),
      startsOn: value(fields.startsOn),
      endsOn: value(fields.endsOn),
      degreePlaces: Number(value(fields.degreePlaces)),
      degreeApplicationsOpenOn: value(fields.degreeApplicationsOpenOn) || null,
      degreeApplicationsCloseOn: value(fields.degreeApplicationsCloseOn) || null,
      targets,
    };
    const request = edition ? gql(UPDATE, { input: { editionId: edition.id, ...common } }) : gql(CREATE, { input: common });
    request.then(
      () => {
        replace(area, notice(edition ? t('editions.updated', { code: common.code }) : t('editions.created', { code: common.code })));
        onSaved();
      },
      (/** @type {unknown} */ error) => {
        const message = error instanceof Error ? error.message : String(error);
        const key = /** @type {keyof typeof fields | null} */ (fieldOf(message));
        if (key) {
          fields[key].setError(message);
          fields[key].control.focus();
        } else replace(outcome, notice(errorText(error), true));
      },
    );
  });
  replace(area, form);
  fields.code.control.focus();
}

/** @param {HTMLElement} section */
export function mountEditions(section) {
  const list = h('div', { id: 'editions-list' });
  const area = h('div', { id: 'edition-area' });
  const refresh = () =>
    gql(LIST).then(
      (/** @type {{ programme: { editions: Edition[] } }} */ data) =>
        replace(
          list,
          dataTable(
            t('editions.heading'),
            [t('editions.code'), t('editions.state'), t('editions.dates'), t('editions.places'), t('editions.window'), t('action')],
            data.programme.editions.map((edition) => [
              edition.code,
              t(`editions.states.${edition.state}`),
              `${formatDate(edition.startsOn)} – ${formatDate(edition.endsOn)}`,
              formatNumber(edition.degreePlaces),
              `${dateOrDash(edition.degreeApplicationsOpenOn)} – ${dateOrDash(edition.degreeApplicationsCloseOn)}`,
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  onclick: () => editionForm(area, edition, () => void refresh()),
                },
                labelled(t('edit'), edition.code),
              ),
            ]),
            'editions-table',
          ),
        ),
      (error) => replace(list, notice(errorText(error), true)),
    );
  replace(
    section,
    h('h2', { id: 'editions-heading' }, t('editions.heading')),
    list,
    h(
      'p',
      {},
      h('button', { type: 'button', id: 'edition-new', onclick: () => editionForm(area, null, () => void refresh()) }, t('editions.new')),
    ),
    area,
  );
  void refresh();
}
