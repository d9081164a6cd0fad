// The learner's page: credentials to download and share, and the road to the joint degree.
import { gql, signedInRole, signOut } from './api.js';
import { byId, download, facts, h, replace } from './dom.js';
import { progressBar, progressRing } from './charts.js';
import { showLogin } from './login.js';
import { exists as i18nExists, formatDate, formatNumber, initI18n, language, t } from './i18n.js';
import { localized } from './localized.js';

await initI18n(['learner']);

/**
 * @typedef {{ id: string, kind: string, state: string, issuedAt: string, json: string, issuer: { name: string, countryCode: string } }} Credential
 * @typedef {{ id: string, url: string, token: string, state: string, credentialId: string, createdAt: string, expiresAt: string | null }} ShareLink
 * @typedef {{ eligible: boolean, reasons: string[], requiredEcts: number, countedEcts: number,
 *   mandatory: Array<{ moduleCode: string, satisfied: boolean }>, groups: Array<{ name: string, minEcts: number, countedEcts: number, missingEcts: number }>,
 *   partners: { required: number, partners: string[] }, recognition: { cap: number, approvedEcts: number, countedEcts: number },
 *   timeLimit: { deadline: string | null, expired: boolean }, counted: Array<{ title: string, ects: number, countsAs: string, group: string | null, provider: string | null }> }} Progress
 */

const DATA = `query {
  myCredentials(limit: 100) { items { id kind state issuedAt json issuer { name countryCode } } }
  myShareLinks { id url token state credentialId createdAt expiresAt }
}`;
const PROGRESS = `query { myPathwayProgress {
  eligible reasons requiredEcts countedEcts mandatory { moduleCode satisfied } groups { name minEcts countedEcts missingEcts }
  partners { required partners } recognition { cap approvedEcts countedEcts } timeLimit { deadline expired }
  counted { title ects countsAs group provider } } }`;

const main = byId('app');

/** @param {string} iso */
const day = (iso) => formatDate(iso, { dateStyle: 'medium' });
/** @param {number} n */
const num = (n) => formatNumber(n);

/** @param {Credential} credential */
function titleOf(credential) {
  /** @type {unknown} */
  const parsed = JSON.parse(credential.json);
  const doc =
    /** @type {{ name?: unknown, localizedName?: unknown, credentialSubject?: { achievement?: { name?: unknown, localizedName?: unknown, humanCode?: string, creditsAvailable?: number } } }} */ (
      parsed
    );
  const a = doc.credentialSubject?.achievement;
  // Every language is in `localizedName` (MAGIX context v3), beside the plain English `name`; a module's and the degree's alike.
  return {
    name:
      localized(a?.localizedName ?? a?.name, language()) ?? localized(doc.localizedName ?? doc.name, language()) ?? t('credentialFallback'),
    code: a?.humanCode ?? null,
    ects: a?.creditsAvailable ?? null,
  };
}

/** @param {Progress} p */
function progressView(p) {
  return h(
    'section',
    { 'aria-labelledby': 'progress-heading', class: 'panel', id: 'progress' },
    h('h2', { id: 'progress-heading' }, t('progress.heading')),
    h(
      'div',
      { class: 'actions' },
      progressRing({ counted: p.countedEcts, required: p.requiredEcts, eligible: p.eligible }),
      h(
        'div',
        {},
        h('p', {}, h('strong', {}, p.eligible ? t('progress.eligible') : t('progress.notEligible'))),
        p.reasons.length
          ? h(
              'ul',
              {},
              // The server states its reasons in English.
              p.reasons.map((r) => h('li', { lang: 'en' }, r)),
            )
          : null,
      ),
    ),
    h('h3', {}, t('progress.mandatory')),
    h(
      'ul',
      {},
      p.mandatory.map((m) =>
        h('li', {}, m.satisfied ? '✔ ' : '✘ ', m.moduleCode, ' — ', m.satisfied ? t('progress.done') : t('progress.needed')),
      ),
    ),
    h('h3', {}, t('progress.groups')),
    p.groups.map((g) =>
      h(
        'div',
        { class: 'field' },
        h('p', { class: 'hint' }, t('progress.groupEcts', { name: g.name, counted: num(g.countedEcts), required: num(g.minEcts) })),
        progressBar({
          label: g.name,
          value: g.countedEcts,
          max: g.minEcts,
          text: t('progress.ectsOf', { counted: num(g.countedEcts), required: num(g.minEcts) }),
        }),
      ),
    ),
    h('h3', {}, t('progress.partners')),
    h(
      'p',
      { class: 'hint' },
      t('progress.partnersText', {
        number: num(p.partners.partners.length),
        required: num(p.partners.required),
        names: p.partners.partners.join(', ') || t('progress.partnersNone'),
      }),
    ),
    progressBar({
      label: t('progress.partners'),
      value: p.partners.partners.length,
      max: p.partners.required,
      text: t('common:chart.ofTotal', { value: num(p.partners.partners.length), total: num(p.partners.required) }),
    }),
    facts([
      [t('progress.recognition'), t('progress.recognitionText', { counted: num(p.recognition.countedEcts), cap: num(p.recognition.cap) })],
      [t('progress.deadline'), deadline(p.timeLimit)],
    ]),
  );
}

/** @param {Progress['timeLimit']} limit */
function deadline(limit) {
  if (!limit.deadline) return t('progress.deadlineNone');
  const shown = formatDate(limit.deadline);
  return limit.expired ? t('progress.deadlinePassed', { date: shown }) : shown;
}

/**
 * @param {ShareLink} link
 * @param {() => void} refresh
 */
function linkItem(link, refresh) {
  const open = link.state === 'ACTIVE';
  return h(
    'li',
    { 'data-share-link': link.id, 'data-state': link.state },
    open ? h('img', { src: `/c/${link.token}/qr.svg`, alt: t('links.qr', { url: link.url }) }) : null,
    h(
      'div',
      {},
      h('p', {}, h('a', { href: link.url }, h('code', {}, link.url))),
      h(
        'p',
        { class: 'hint' },
        [
          t('links.created', { date: day(link.createdAt) }),
          link.expiresAt ? t('links.expires', { date: day(link.expiresAt) }) : t('links.noExpiry'),
          stateName('links.state', link.state),
        ].join(' · '),
      ),
      open
        ? h(
            'p',
            { class: 'actions' },
            h('a', { class: 'button secondary', href: `/c/${link.token}/certificate.pdf` }, t('links.certificate')),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: () => {
                  gql('mutation($id: ID!) { revokeShareLink(id: $id) { id } }', { id: link.id }).then(refresh, alertError);
                },
              },
              t('links.withdraw'),
            ),
          )
        : null,
    ),
  );
}

/**
 * A credential's or a link's state in words; an unknown one as the server wrote it.
 * @param {'state' | 'links.state'} group
 * @param {string} state
 */
const stateName = (group, state) => {
  const key = `${group}.${state}`;
  return i18nExists(key) ? t(key) : state.toLowerCase();
};

/** @param {unknown} error */
function alertError(error) {
  replace(byId('status'), h('span', { class: 'error' }, error instanceof Error ? error.message : String(error)));
}

/**
 * @param {Credential} credential
 * @param {ShareLink[]} links
 * @param {() => void} refresh
 */
function credentialCard(credential, links, refresh) {
  const { name, code, ects } = titleOf(credential);
  const expiryId = `expiry-${credential.id}`;
  const expiry = /** @type {HTMLInputElement} */ (
    h('input', { type: 'date', id: expiryId, min: new Date(Date.now() + 86400000).toISOString().slice(0, 10) })
  );
  const share = h(
    'form',
    { class: 'actions' },
    h('div', {}, h('label', { for: expiryId }, t('links.expiry')), expiry),
    h('button', { type: 'submit' }, t('links.create')),
  );
  share.addEventListener('submit', (event) => {
    event.preventDefault();
    const expiresAt = expiry.value ? new Date(`${expiry.value}T23:59:59Z`).toISOString() : null;
    gql('mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { id } }', {
      input: { credentialId: credential.id, expiresAt },
    }).then(refresh, alertError);
  });
  const slug = (code ?? credential.id).toLowerCase();
  return h(
    'li',
    { class: 'card', 'data-credential': credential.id },
    h('h3', {}, name, credential.kind === 'DEGREE' ? ` ${t('credentials.degreeSuffix')}` : ''),
    facts([
      [t('credentials.code'), code],
      [t('credentials.ects'), ects === null ? null : num(ects)],
      [t('credentials.issuedBy'), `${credential.issuer.name} (${credential.issuer.countryCode})`],
      [t('credentials.issued'), day(credential.issuedAt)],
      [t('credentials.state'), stateName('state', credential.state)],
    ]),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => download(`${slug}.json`, credential.json, 'application/json') },
        t('credentials.downloadJson'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            gql('query($id: ID!) { credential(id: $id) { jwt } }', { id: credential.id }).then(
              (/** @type {{ credential: { jwt: string } }} */ data) => download(`${slug}.jwt`, data.credential.jwt, 'application/vc+jwt'),
              alertError,
            );
          },
        },
        t('credentials.downloadJose'),
      ),
    ),
    h('h4', {}, t('links.heading')),
    links.length
      ? h(
          'ul',
          { class: 'links' },
          links.map((l) => linkItem(l, refresh)),
        )
      : h('p', { class: 'hint' }, t('links.none')),
    share,
  );
}

async function render() {
  replace(main, h('p', {}, t('common:loading')));
  /** @type {Promise<{ myCredentials: { items: Credential[] }, myShareLinks: ShareLink[] }>} */
  const loading = gql(DATA);
  // A learner outside any edition has no degree rules to measure against: show the credentials anyway.
  /** @type {Promise<{ myPathwayProgress: Progress }>} */
  const progressQuery = gql(PROGRESS);
  const progress = await progressQuery.catch(() => null);
  const data = await loading;
  const refresh = () => void render().catch(alertError);
  replace(
    main,
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => (signOut(), start()) }, t('common:signOut')),
    ),
    h('p', { id: 'status', role: 'status' }),
    progress ? progressView(progress.myPathwayProgress) : null,
    h('h2', {}, t('credentials.heading', { number: num(data.myCredentials.items.length) })),
    h(
      'ul',
      { class: 'cards', id: 'credentials' },
      data.myCredentials.items.map((c) =>
        credentialCard(
          c,
          data.myShareLinks.filter((l) => l.credentialId === c.id),
          refresh,
        ),
      ),
    ),
  );
}

function start() {
  if (signedInRole() === 'LEARNER') {
    render().catch(alertError);
    return;
  }
  showLogin(main, {
    heading: t('signIn.heading'),
    hint: t('signIn.hint'),
    onSignedIn: start,
  });
}

start();
