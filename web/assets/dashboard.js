// The programme office's dashboard: the three targets, the breakdowns and the projection.
import { gql, signedInRole, signOut } from './api.js';
import { byId, facts, h, replace } from './dom.js';
import { barChart, lineChart, progressBar } from './charts.js';
import { showLogin } from './login.js';
import { formatDate, formatNumber, initI18n, t } from './i18n.js';

await initI18n(['dashboard']);

/**
 * @typedef {{ target: number, actual: number, percentOfTarget: number, projected: number | null, onTrack: boolean }} CountTarget
 * @typedef {{ key: string, label: string, participants: number, publicParticipants: number, publicSharePercent: number, graduates: number }} Breakdown
 * @typedef {{ graduates: CountTarget, moduleParticipants: CountTarget,
 *   publicSectorShare: { target: number, actual: number, publicParticipants: number, participants: number, onTrack: boolean },
 *   byEdition: Breakdown[], byCountry: Breakdown[], byPartner: Breakdown[], bySector: Breakdown[],
 *   monthly: Array<{ month: string, participants: number, graduates: number, publicSharePercent: number }>, projectionTo: string }} Targets
 */

const BREAKDOWN = 'key label participants publicParticipants publicSharePercent graduates';
const TARGETS = `query($editionId: ID) { programmeTargets(editionId: $editionId) {
  graduates { target actual percentOfTarget projected onTrack }
  moduleParticipants { target actual percentOfTarget projected onTrack }
  publicSectorShare { target actual publicParticipants participants onTrack }
  byEdition { ${BREAKDOWN} } byCountry { ${BREAKDOWN} } byPartner { ${BREAKDOWN} } bySector { ${BREAKDOWN} }
  monthly { month participants graduates publicSharePercent } projectionTo } }`;

const main = byId('app');
/** A percentage as the reader writes it ("12.5%", "12,5 %"). @param {number} n */
const pct = (n) => formatNumber(n / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** @param {number} n */
const num = (n) => formatNumber(n);
/** A month of the projection ("2027-06") for people. @param {string} month */
const monthName = (month) => formatDate(`${month.slice(0, 7)}-01`, { month: 'short', year: 'numeric' });

/**
 * @param {string} id
 * @param {string} title
 * @param {CountTarget} target
 */
function countCard(id, title, target) {
  return h(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    h(
      'p',
      {},
      h('strong', { 'data-actual': target.actual }, num(target.actual)),
      ` ${t('of', { target: num(target.target) })} — `,
      h('span', { 'data-percent': target.percentOfTarget }, pct(target.percentOfTarget)),
    ),
    progressBar({
      label: title,
      value: target.actual,
      max: target.target,
      text: t('common:chart.ofTotal', { value: num(target.actual), total: num(target.target) }),
      marker: target.projected,
    }),
    h(
      'p',
      { class: 'hint' },
      target.projected === null ? t('noProjection') : `${t('projectedBy', { value: num(target.projected) })} `,
      h('span', { class: `badge ${target.onTrack ? 'badge-good' : 'badge-bad'}` }, target.onTrack ? t('onTrack') : t('behind')),
    ),
  );
}

/**
 * @param {string} id
 * @param {string} title
 * @param {Breakdown[]} rows
 */
function breakdownChart(id, title, rows) {
  return h(
    'figure',
    { class: 'card' },
    h('figcaption', {}, title),
    barChart({
      id,
      title,
      series: [t('series.participants'), t('series.public'), t('series.graduates')],
      rows: rows.map((r) => ({ label: r.label, values: [r.participants, r.publicParticipants, r.graduates] })),
    }),
  );
}

/** @param {Targets} targets */
function targetsView(targets) {
  const share = targets.publicSectorShare;
  return [
    h(
      'div',
      { class: 'charts', id: 'targets' },
      countCard('graduates', t('graduates'), targets.graduates),
      countCard('participants', t('participants'), targets.moduleParticipants),
      h(
        'section',
        { class: 'card', id: 'public-share', 'aria-labelledby': 'public-share-title' },
        h('h3', { id: 'public-share-title' }, t('publicShare')),
        h(
          'p',
          {},
          h('strong', { 'data-actual': share.actual }, pct(share.actual)),
          ` ${t('publicShareText', { target: pct(share.target), public: num(share.publicParticipants), total: num(share.participants) })}`,
        ),
        progressBar({
          label: t('publicShare'),
          value: share.actual,
          max: 100,
          text: t('publicShareBar', { actual: pct(share.actual), target: pct(share.target) }),
          marker: share.target,
        }),
        h(
          'p',
          { class: 'hint' },
          h('span', { class: `badge ${share.onTrack ? 'badge-good' : 'badge-bad'}` }, share.onTrack ? t('onTrack') : t('behind')),
        ),
      ),
    ),
    h('h2', {}, t('projection')),
    h(
      'div',
      { class: 'charts' },
      h(
        'figure',
        { class: 'card' },
        h('figcaption', {}, t('graduatesLine')),
        lineChart({
          id: 'graduates-line',
          title: t('graduates'),
          points: targets.monthly.map((m) => ({ month: monthName(m.month), value: m.graduates })),
          projected:
            targets.graduates.projected === null ? null : { month: monthName(targets.projectionTo), value: targets.graduates.projected },
          target: targets.graduates.target,
        }),
      ),
      h(
        'figure',
        { class: 'card' },
        h('figcaption', {}, t('participantsLine')),
        lineChart({
          id: 'participants-line',
          title: t('moduleParticipants'),
          points: targets.monthly.map((m) => ({ month: monthName(m.month), value: m.participants })),
          projected:
            targets.moduleParticipants.projected === null
              ? null
              : { month: monthName(targets.projectionTo), value: targets.moduleParticipants.projected },
          target: targets.moduleParticipants.target,
        }),
      ),
    ),
    facts([[t('projectedTo'), formatDate(targets.projectionTo)]]),
    h('h2', {}, t('breakdowns')),
    h(
      'div',
      { class: 'charts' },
      breakdownChart('by-edition', t('by.edition'), targets.byEdition),
      breakdownChart('by-country', t('by.country'), targets.byCountry),
      breakdownChart('by-partner', t('by.partner'), targets.byPartner),
      breakdownChart('by-sector', t('by.sector'), targets.bySector),
    ),
  ];
}

/** @param {unknown} error */
function showError(error) {
  replace(main, h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
}

async function render() {
  /** @type {{ programme: { editions: Array<{ id: string, code: string }> } }} */
  const { programme } = await gql('query { programme { editions { id code } } }');
  const select = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'edition' },
      h('option', { value: '' }, t('allEditions')),
      programme.editions.map((e) => h('option', { value: e.id }, e.code)),
    )
  );
  const body = h('div', { id: 'targets-body', 'aria-live': 'polite' });
  const load = async () => {
    replace(body, h('p', {}, t('common:loading')));
    /** @type {{ programmeTargets: Targets }} */
    const data = await gql(TARGETS, { editionId: select.value || null });
    replace(body, targetsView(data.programmeTargets));
  };
  select.addEventListener('change', () => void load().catch(showError));
  replace(
    main,
    h(
      'div',
      { class: 'actions' },
      h('div', {}, h('label', { for: 'edition' }, t('edition')), select),
      h('button', { type: 'button', class: 'secondary', onclick: () => (signOut(), start()) }, t('common:signOut')),
    ),
    body,
  );
  await load();
}

function start() {
  if (signedInRole() === 'ADMIN') {
    render().catch(showError);
    return;
  }
  showLogin(main, {
    heading: t('signIn.heading'),
    hint: t('signIn.hint'),
    onSignedIn: start,
  });
}

start();
