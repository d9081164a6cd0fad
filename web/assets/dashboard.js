// The programme office's dashboard: the three targets, the breakdowns and the projection.
import { gql, signedInRole, signOut } from './api.js';
import { byId, facts, h, replace } from './dom.js';
import { barChart, lineChart, progressBar } from './charts.js';
import { showLogin } from './login.js';

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
/** @param {number} n */
const pct = (n) => `${n.toFixed(1)} %`;

/**
 * @param {string} id
 * @param {string} title
 * @param {CountTarget} t
 */
function countCard(id, title, t) {
  return h(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    h(
      'p',
      {},
      h('strong', { 'data-actual': t.actual }, String(t.actual)),
      ` of ${t.target} — `,
      h('span', { 'data-percent': t.percentOfTarget }, pct(t.percentOfTarget)),
    ),
    progressBar({ label: title, value: t.actual, max: t.target, text: `${t.actual} of ${t.target}`, marker: t.projected }),
    h(
      'p',
      { class: 'hint' },
      t.projected === null ? 'No projection yet.' : `Projected by the programme’s end: ${t.projected} `,
      h('span', { class: `badge ${t.onTrack ? 'badge-good' : 'badge-bad'}` }, t.onTrack ? 'on track' : 'behind'),
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
      series: ['participants', 'public sector', 'graduates'],
      rows: rows.map((r) => ({ label: r.label, values: [r.participants, r.publicParticipants, r.graduates] })),
    }),
  );
}

/** @param {Targets} t */
function targetsView(t) {
  const share = t.publicSectorShare;
  return [
    h(
      'div',
      { class: 'charts', id: 'targets' },
      countCard('graduates', 'Graduates', t.graduates),
      countCard('participants', 'Participants in self-standing modules', t.moduleParticipants),
      h(
        'section',
        { class: 'card', id: 'public-share', 'aria-labelledby': 'public-share-title' },
        h('h3', { id: 'public-share-title' }, 'Public-sector share'),
        h(
          'p',
          {},
          h('strong', { 'data-actual': share.actual }, pct(share.actual)),
          ` against ${pct(share.target)} (${share.publicParticipants} of ${share.participants})`,
        ),
        progressBar({
          label: 'Public-sector share',
          value: share.actual,
          max: 100,
          text: `${pct(share.actual)}, target ${pct(share.target)}`,
          marker: share.target,
        }),
        h(
          'p',
          { class: 'hint' },
          h('span', { class: `badge ${share.onTrack ? 'badge-good' : 'badge-bad'}` }, share.onTrack ? 'on track' : 'behind'),
        ),
      ),
    ),
    h('h2', {}, 'Projection'),
    h(
      'div',
      { class: 'charts' },
      h(
        'figure',
        { class: 'card' },
        h('figcaption', {}, 'Graduates, cumulative'),
        lineChart({
          id: 'graduates-line',
          title: 'Graduates',
          points: t.monthly.map((m) => ({ month: m.month, value: m.graduates })),
          projected: t.graduates.projected === null ? null : { month: t.projectionTo.slice(0, 7), value: t.graduates.projected },
          target: t.graduates.target,
        }),
      ),
      h(
        'figure',
        { class: 'card' },
        h('figcaption', {}, 'Module participants, cumulative'),
        lineChart({
          id: 'participants-line',
          title: 'Module participants',
          points: t.monthly.map((m) => ({ month: m.month, value: m.participants })),
          projected:
            t.moduleParticipants.projected === null ? null : { month: t.projectionTo.slice(0, 7), value: t.moduleParticipants.projected },
          target: t.moduleParticipants.target,
        }),
      ),
    ),
    facts([['Projected to', t.projectionTo]]),
    h('h2', {}, 'Breakdowns'),
    h(
      'div',
      { class: 'charts' },
      breakdownChart('by-edition', 'By edition', t.byEdition),
      breakdownChart('by-country', 'By country', t.byCountry),
      breakdownChart('by-partner', 'By partner university', t.byPartner),
      breakdownChart('by-sector', 'By sector', t.bySector),
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
      h('option', { value: '' }, 'All editions'),
      programme.editions.map((e) => h('option', { value: e.id }, e.code)),
    )
  );
  const body = h('div', { id: 'targets-body', 'aria-live': 'polite' });
  const load = async () => {
    replace(body, h('p', {}, 'Loading…'));
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
      h('div', {}, h('label', { for: 'edition' }, 'Edition'), select),
      h('button', { type: 'button', class: 'secondary', onclick: () => (signOut(), start()) }, 'Sign out'),
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
    heading: 'Sign in as the programme office',
    hint: 'Demo: office@magix.example, password magix-demo-2026.',
    onSignedIn: start,
  });
}

start();
