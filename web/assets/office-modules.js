// The module catalogue as the office keeps it: the list, a new module, a new version, retiring one.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { formatNumber, t } from './i18n.js';
import { dataTable, errorText, field, labelled, notice } from './staff-session.js';

/**
 * @typedef {{ id: string, code: string, title: string, description: string, ectsCredits: number, workloadHours: number, eqfLevel: number,
 *   language: string, participationForm: string, assessmentType: string, qualityAssurance: string, learningOutcomes: string[],
 *   version: number, retiredAt: string | null, provider: { shortName: string } }} Module
 * @typedef {{ id: string, shortName: string, name: string }} Hei
 */

const MODULE_FIELDS = `id code title description ectsCredits workloadHours eqfLevel language participationForm assessmentType
  qualityAssurance learningOutcomes version retiredAt provider { shortName }`;
const LIST = `{ modules(includeRetired: true, limit: 100) { items { ${MODULE_FIELDS} } }
  organisations(kind: HEI, consortiumMember: true, limit: 100) { items { id shortName name } } }`;
const CREATE = `mutation($input: CreateModuleInput!) { createModule(input: $input) { id code } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id code version } }`;
const RETIRE = `mutation($input: RetireModuleInput!) { retireModule(input: $input) { id code retiredAt } }`;
const FORMS = ['ONLINE', 'BLENDED', 'ON_SITE'];

/** @param {string | number | undefined} value @param {string} [type] */
const input = (value, type = 'text') => h('input', { type, value: value ?? '', ...(type === 'number' ? { min: 0, step: 'any' } : {}) });
/** @param {string | undefined} value */
const area = (value) => h('textarea', { class: 'prose' }, value ?? '');
/** @param {{ control: HTMLElement }} f */
const valueOf = (f) => /** @type {HTMLInputElement} */ (f.control).value.trim();

/**
 * The fields a module version has, filled from `module` when given.
 * @param {Module | null} module
 */
function versionFields(module) {
  return {
    title: field('module-title', t('modules.title'), input(module?.title)),
    description: field('module-description', t('modules.description'), area(module?.description)),
    ectsCredits: field('module-ects', t('modules.ects'), input(module?.ectsCredits, 'number')),
    workloadHours: field('module-workload', t('modules.workload'), input(module?.workloadHours, 'number')),
    eqfLevel: field('module-eqf', t('modules.eqf'), input(module?.eqfLevel, 'number')),
    language: field('module-language', t('modules.language'), input(module?.language), t('modules.languageHint')),
    participationForm: field(
      'module-form',
      t('modules.participationForm'),
      h(
        'select',
        {},
        FORMS.map((form) => h('option', { value: form, selected: module?.participationForm === form }, t(`modules.forms.${form}`))),
      ),
    ),
    assessmentType: field('module-assessment', t('modules.assessment'), input(module?.assessmentType)),
    qualityAssurance: field('module-qa', t('modules.qualityAssurance'), input(module?.qualityAssurance)),
    learningOutcomes: field('module-outcomes', t('modules.outcomes'), area(module?.learningOutcomes.join('\n')), t('modules.outcomesHint')),
  };
}

/** @param {ReturnType<typeof versionFields>} fields */
function versionValues(fields) {
  return {
    title: valueOf(fields.title),
    description: valueOf(fields.description),
    ectsCredits: Number(valueOf(fields.ectsCredits)),
    workloadHours: Number(valueOf(fields.workloadHours)),
    eqfLevel: Number(valueOf(fields.eqfLevel)),
    language: valueOf(fields.language),
    participationForm: valueOf(fields.participationForm),
    assessmentType: valueOf(fields.assessmentType),
    qualityAssurance: valueOf(fields.qualityAssurance),
    learningOutcomes: valueOf(fields.learningOutcomes)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/**
 * A form for the three actions; `send` makes the request from the fields' values.
 * @param {HTMLElement} place
 * @param {string} heading
 * @param {Record<string, ReturnType<typeof field>>} fields
 * @param {() => Promise<unknown>} send
 * @param {string} done
 * @param {() => void} onSaved
 */
function actionForm(place, heading, fields, send, done, onSaved) {
  const outcome = h('div', { 'aria-live': 'polite', id: 'module-outcome' });
  const form = h(
    'form',
    { class: 'panel', id: 'module-form', novalidate: true },
    h('h3', {}, heading),
    h(
      'div',
      { class: 'grid-fields' },
      Object.values(fields).map((f) => f.wrap),
    ),
    h(
      'p',
      { class: 'actions inline-actions' },
      h('button', { type: 'submit', id: 'module-save' }, t('modules.save')),
      h('button', { type: 'button', class: 'secondary', onclick: () => replace(place) }, t('cancel')),
    ),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.setError());
    replace(outcome);
    const empty = Object.entries(fields).filter(([, f]) => !valueOf(f));
    empty.forEach(([, f]) => f.setError(t('required')));
    if (empty.length > 0) {
      empty[0][1].control.focus();
      return;
    }
    send().then(
      () => {
        replace(place, notice(done));
        onSaved();
      },
      (error) => {
        const message = error instanceof Error ? error.message : '';
        const named = Object.keys(fields).find((key) => message.toLowerCase().includes(key.toLowerCase()));
        if (named) fields[named].setError(message);
        else replace(outcome, notice(errorText(error), true));
      },
    );
  });
  replace(place, form);
  Object.values(fields)[0].control.focus();
}

/** @param {HTMLElement} section */
export function mountModules(section) {
  const list = h('div', { id: 'modules-list' });
  const place = h('div', { id: 'module-area' });
  /** @type {Hei[]} */
  let heis = [];

  function create() {
    const fields = {
      code: field('module-code', t('modules.code'), input(''), t('modules.codeHint')),
      providerId: field(
        'module-provider',
        t('modules.provider'),
        h(
          'select',
          {},
          heis.map((hei) => h('option', { value: hei.id }, hei.name)),
        ),
      ),
      ...versionFields(null),
    };
    const send = () =>
      gql(CREATE, {
        input: { code: valueOf(fields.code), providerId: valueOf(fields.providerId), ...versionValues(fields), prerequisiteCodes: [] },
      });
    actionForm(place, t('modules.newHeading'), fields, send, t('modules.created'), refresh);
  }

  /** @param {Module} module */
  function update(module) {
    const fields = { ...versionFields(module), reason: field('module-reason', t('modules.reason'), input(''), t('modules.reasonHint')) };
    const send = () => {
      const { reason, ...rest } = fields;
      return gql(UPDATE, { input: { moduleId: module.id, reason: valueOf(reason), changes: versionValues(rest) } });
    };
    actionForm(
      place,
      t('modules.updateHeading', { code: module.code }),
      fields,
      send,
      t('modules.updated', { code: module.code }),
      refresh,
    );
  }

  /** @param {Module} module */
  function retire(module) {
    const fields = { reason: field('module-retire-reason', t('modules.retireReason'), input('')) };
    const send = () => gql(RETIRE, { input: { moduleId: module.id, reason: valueOf(fields.reason) } });
    actionForm(
      place,
      t('modules.retireHeading', { code: module.code }),
      fields,
      send,
      t('modules.retired', { code: module.code }),
      refresh,
    );
  }

  function refresh() {
    gql(LIST).then(
      (/** @type {{ modules: { items: Module[] }, organisations: { items: Hei[] } }} */ data) => {
        heis = data.organisations.items;
        replace(
          list,
          dataTable(
            t('modules.heading'),
            [
              t('modules.code'),
              t('modules.title'),
              t('modules.provider'),
              t('modules.ects'),
              t('modules.version'),
              t('modules.state'),
              t('action'),
            ],
            data.modules.items.map((module) => [
              module.code,
              module.title,
              module.provider.shortName,
              formatNumber(module.ectsCredits),
              formatNumber(module.version),
              module.retiredAt ? t('modules.isRetired') : t('modules.isActive'),
              h(
                'span',
                { class: 'inline-actions' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: () => update(module),
                  },
                  labelled(t('modules.update'), module.code),
                ),
                module.retiredAt
                  ? null
                  : h(
                      'button',
                      {
                        type: 'button',
                        class: 'danger',
                        onclick: () => retire(module),
                      },
                      labelled(t('modules.retire'), module.code),
                    ),
              ),
            ]),
            'modules-table',
          ),
        );
      },
      (error) => replace(list, notice(errorText(error), true)),
    );
  }

  replace(
    section,
    h('h2', { id: 'modules-heading' }, t('modules.heading')),
    list,
    h('p', {}, h('button', { type: 'button', id: 'module-new', onclick: create }, t('modules.new'))),
    place,
  );
  refresh();
}
