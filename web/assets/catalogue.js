// The public module catalogue with its offerings; signed in as a learner, apply and follow your applications.
import { gql } from './api.js';
import { byId, h, replace } from './dom.js';
import { formatDate, formatNumber, initI18n, t } from './i18n.js';
import { mountLearner, openApplyForm } from './catalogue-apply.js';
import { closedNotice, nextOrLastDegreeWindow, today } from './catalogue-windows.js';
import { errorText, field, labelled, notice, translateChrome } from './staff-session.js';

/**
 * @typedef {{ id: string, code: string, title: string, description: string, ectsCredits: number, eqfLevel: number, language: string,
 *   participationForm: string, workloadHours: number, learningOutcomes: string[], provider: { name: string, countryCode: string } }} Module
 * @typedef {{ id: string, code: string, moduleId: string, startsOn: string, endsOn: string, capacity: number,
 *   applicationsOpen: boolean, applicationsOpenOn: string | null, applicationsCloseOn: string | null, edition: { code: string, state: string } }} Offering
 * @typedef {import('./catalogue-windows.js').DegreeEdition} DegreeEdition
 */

const MODULES = `query($search: String) { modules(search: $search, limit: 100) { items {
  id code title description ectsCredits eqfLevel language participationForm workloadHours learningOutcomes provider { name countryCode } } } }`;
const OFFERINGS = `{ offerings(limit: 100) { items {
  id code moduleId startsOn endsOn capacity applicationsOpen applicationsOpenOn applicationsCloseOn edition { code state } } } }`;
const EDITIONS = '{ programme { editions { endsOn degreeApplicationsOpen degreeApplicationsOpenOn degreeApplicationsCloseOn } } }';

const app = byId('app');

/**
 * @param {Module} module
 * @param {Offering[]} offerings
 */
function moduleCard(module, offerings) {
  const upcoming = offerings.filter((offering) => offering.endsOn >= today());
  return h(
    'article',
    { class: 'card', 'data-module': module.code, 'aria-labelledby': `module-${module.code}` },
    h('h3', { id: `module-${module.code}` }, module.title),
    h(
      'p',
      { class: 'hint' },
      [
        module.code,
        module.provider.name,
        t('browse.ects', { ects: formatNumber(module.ectsCredits) }),
        t('browse.eqf', { level: module.eqfLevel }),
        t(`browse.forms.${module.participationForm}`),
        t('browse.language', { language: module.language.toUpperCase() }),
      ].join(' · '),
    ),
    h('p', {}, module.description),
    h(
      'details',
      {},
      h('summary', {}, t('browse.outcomes')),
      h(
        'ul',
        {},
        module.learningOutcomes.map((outcome) => h('li', {}, outcome)),
      ),
    ),
    h('h4', {}, t('browse.offerings')),
    upcoming.length === 0
      ? h('p', {}, t('browse.noOfferings'))
      : h(
          'ul',
          { class: 'offerings' },
          upcoming.map((offering) =>
            h(
              'li',
              { 'data-offering': offering.code },
              t('browse.offering', {
                code: offering.code,
                starts: formatDate(offering.startsOn),
                ends: formatDate(offering.endsOn),
                places: formatNumber(offering.capacity),
              }),
              ' ',
              offering.applicationsOpen
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      onclick: () => openApplyForm({ offeringId: offering.id, label: `${module.title} (${offering.code})` }),
                    },
                    labelled(t('browse.apply'), `${module.title}, ${offering.code}`),
                  )
                : // Without a last day set, applications close when the offering starts (as the API says).
                  closedNotice({ opensOn: offering.applicationsOpenOn, closesOn: offering.applicationsCloseOn ?? offering.startsOn }),
            ),
          ),
        ),
  );
}

/**
 * The degree's Apply button while an edition takes degree applications; else when they open next
 * or when they closed, and the interest list.
 * @param {HTMLElement} place
 */
async function showDegreeApply(place) {
  try {
    /** @type {{ programme: { editions: DegreeEdition[] } }} */
    const data = await gql(EDITIONS);
    const { editions } = data.programme;
    replace(
      place,
      h(
        'p',
        {},
        t('browse.degreeIntro'),
        ' ',
        editions.some((edition) => edition.degreeApplicationsOpen)
          ? h(
              'button',
              { type: 'button', id: 'apply-degree', onclick: () => openApplyForm({ offeringId: null, label: t('apply.degree') }) },
              t('browse.applyDegree'),
            )
          : closedNotice(nextOrLastDegreeWindow(editions)),
      ),
    );
  } catch (error) {
    replace(place, h('p', {}, t('browse.degreeIntro')), notice(errorText(error), true));
  }
}

/** @param {HTMLElement} list @param {string} search */
async function showModules(list, search) {
  replace(list, h('p', {}, t('common:loading')));
  try {
    /** @type {Promise<{ modules: { items: Module[] } }>} */
    const modulesAnswer = gql(MODULES, { search: search || null });
    /** @type {Promise<{ offerings: { items: Offering[] } }>} */
    const offeringsAnswer = gql(OFFERINGS);
    const [modules, offerings] = await Promise.all([modulesAnswer, offeringsAnswer]);
    const items = modules.modules.items;
    replace(
      list,
      h('p', { id: 'module-count', role: 'status' }, t('browse.count', { count: items.length })),
      h(
        'div',
        { class: 'cards' },
        items.map((module) =>
          moduleCard(
            module,
            offerings.offerings.items.filter((offering) => offering.moduleId === module.id),
          ),
        ),
      ),
    );
  } catch (error) {
    replace(list, notice(errorText(error), true));
  }
}

function showPage() {
  const search = field('module-search', t('browse.search'), h('input', { type: 'search', autocomplete: 'off' }), t('browse.searchHint'));
  const list = h('div', { id: 'module-list' });
  const degree = h('div', { id: 'degree-apply' }, h('p', {}, t('browse.degreeIntro')));
  const form = h(
    'form',
    { role: 'search', id: 'search-form', class: 'panel' },
    search.wrap,
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, t('browse.searchButton'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void showModules(list, /** @type {HTMLInputElement} */ (search.control).value.trim());
  });
  replace(
    app,
    h('section', { 'aria-labelledby': 'learner-heading', id: 'learner-section' }),
    h('section', { 'aria-labelledby': 'browse-heading' }, h('h2', { id: 'browse-heading' }, t('browse.heading')), degree, form, list),
  );
  mountLearner(byId('learner-section'));
  void showDegreeApply(degree);
  void showModules(list, '');
}

await initI18n(['catalogue', 'staff']);
translateChrome();
showPage();
