// The programme office: editions, modules, review batches and the audit log, each a section of its own.
import { byId, h, replace } from './dom.js';
import { initI18n, t } from './i18n.js';
import { mountAudit } from './office-audit.js';
import { mountBatches } from './office-batches.js';
import { mountEditions } from './office-editions.js';
import { mountModules } from './office-modules.js';
import { sessionBar, translateChrome, withRole } from './staff-session.js';

const app = byId('app');

const SECTIONS = [
  { id: 'editions', mount: mountEditions },
  { id: 'modules', mount: mountModules },
  { id: 'batches', mount: mountBatches },
  { id: 'audit', mount: mountAudit },
];

/** @param {{ email: string }} me */
function showPage(me) {
  replace(
    app,
    sessionBar(me.email, () => start()),
    h(
      'nav',
      { class: 'section-nav', 'aria-label': t('sections') },
      h(
        'ul',
        {},
        SECTIONS.map((section) => h('li', {}, h('a', { href: `#${section.id}-section` }, t(`${section.id}.heading`)))),
      ),
    ),
    SECTIONS.map((section) => h('section', { id: `${section.id}-section`, 'aria-labelledby': `${section.id}-heading` })),
  );
  for (const section of SECTIONS) section.mount(byId(`${section.id}-section`));
}

function start() {
  withRole(app, { role: 'ADMIN', heading: t('session.heading'), hint: t('session.hint'), onSignedIn: showPage });
}

await initI18n(['office', 'staff']);
translateChrome();
start();
