// The learner's page: credentials to download and share, and the road to the joint degree.
import { gql, signedInRole, signOut } from './api.js';
import { byId, download, facts, h, replace } from './dom.js';
import { progressBar, progressRing } from './charts.js';
import { showLogin } from './login.js';

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
const day = (iso) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** @param {Credential} credential */
function titleOf(credential) {
  /** @type {unknown} */
  const parsed = JSON.parse(credential.json);
  const doc =
    /** @type {{ name?: string, credentialSubject?: { achievement?: { name?: string, humanCode?: string, creditsAvailable?: number } } }} */ (
      parsed
    );
  const a = doc.credentialSubject?.achievement;
  return { name: a?.name ?? doc.name ?? 'Credential', code: a?.humanCode ?? null, ects: a?.creditsAvailable ?? null };
}

/** @param {Progress} p */
function progressView(p) {
  return h(
    'section',
    { 'aria-labelledby': 'progress-heading', class: 'panel', id: 'progress' },
    h('h2', { id: 'progress-heading' }, 'Progress toward the joint degree'),
    h(
      'div',
      { class: 'actions' },
      progressRing({ counted: p.countedEcts, required: p.requiredEcts, eligible: p.eligible }),
      h(
        'div',
        {},
        h('p', {}, h('strong', {}, p.eligible ? 'You meet every rule for the degree.' : 'Not yet eligible.')),
        p.reasons.length
          ? h(
              'ul',
              {},
              p.reasons.map((r) => h('li', {}, r)),
            )
          : null,
      ),
    ),
    h('h3', {}, 'Mandatory modules'),
    h(
      'ul',
      {},
      p.mandatory.map((m) => h('li', {}, m.satisfied ? '✔ ' : '✘ ', m.moduleCode, m.satisfied ? ' — done' : ' — still needed')),
    ),
    h('h3', {}, 'Elective groups'),
    p.groups.map((g) =>
      h(
        'div',
        { class: 'field' },
        h('p', { class: 'hint' }, `${g.name}: ${g.countedEcts} of ${g.minEcts} ECTS`),
        progressBar({ label: g.name, value: g.countedEcts, max: g.minEcts, text: `${g.countedEcts} of ${g.minEcts} ECTS` }),
      ),
    ),
    h('h3', {}, 'Partner universities'),
    h(
      'p',
      { class: 'hint' },
      `${p.partners.partners.length} of ${p.partners.required} required: ${p.partners.partners.join(', ') || 'none yet'}`,
    ),
    progressBar({
      label: 'Partner universities',
      value: p.partners.partners.length,
      max: p.partners.required,
      text: `${p.partners.partners.length} of ${p.partners.required}`,
    }),
    facts([
      ['Recognised prior learning', `${p.recognition.countedEcts} of at most ${p.recognition.cap} ECTS`],
      [
        'Deadline',
        p.timeLimit.deadline ? `${p.timeLimit.deadline}${p.timeLimit.expired ? ' (passed)' : ''}` : 'Starts with your first credit',
      ],
    ]),
  );
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
    open ? h('img', { src: `/c/${link.token}/qr.svg`, alt: `QR code for ${link.url}` }) : null,
    h(
      'div',
      {},
      h('p', {}, h('a', { href: link.url }, h('code', {}, link.url))),
      h(
        'p',
        { class: 'hint' },
        `Created ${day(link.createdAt)} · ${link.expiresAt ? `expires ${day(link.expiresAt)}` : 'no expiry'} · ${link.state.toLowerCase()}`,
      ),
      open
        ? h(
            'p',
            { class: 'actions' },
            h('a', { class: 'button secondary', href: `/c/${link.token}/certificate.pdf` }, 'Certificate (PDF)'),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: () => {
                  gql('mutation($id: ID!) { revokeShareLink(id: $id) { id } }', { id: link.id }).then(refresh, alertError);
                },
              },
              'Withdraw link',
            ),
          )
        : null,
    ),
  );
}

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
    h('div', {}, h('label', { for: expiryId }, 'Link expires on (optional)'), expiry),
    h('button', { type: 'submit' }, 'Create share link'),
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
    h('h3', {}, name, credential.kind === 'DEGREE' ? ' (joint degree)' : ''),
    facts([
      ['Code', code],
      ['ECTS', ects],
      ['Issued by', `${credential.issuer.name} (${credential.issuer.countryCode})`],
      ['Issued', day(credential.issuedAt)],
      ['State', credential.state.toLowerCase()],
    ]),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => download(`${slug}.json`, credential.json, 'application/json') },
        'Download JSON',
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
        'Download VC-JOSE',
      ),
    ),
    h('h4', {}, 'Share links'),
    links.length
      ? h(
          'ul',
          { class: 'links' },
          links.map((l) => linkItem(l, refresh)),
        )
      : h('p', { class: 'hint' }, 'Not shared yet.'),
    share,
  );
}

async function render() {
  replace(main, h('p', {}, 'Loading…'));
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
    h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => (signOut(), start()) }, 'Sign out')),
    h('p', { id: 'status', role: 'status' }),
    progress ? progressView(progress.myPathwayProgress) : null,
    h('h2', {}, `Your credentials (${data.myCredentials.items.length})`),
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
    heading: 'Sign in as a learner',
    hint: 'Demo: lucia.martin@madrid.example or ieva.berzina@vid.example, password magix-demo-2026.',
    onSignedIn: start,
  });
}

start();
