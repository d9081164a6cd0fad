// The audit log, newest first, a page at a time, optionally one action only.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { formatDate, formatNumber, t } from './i18n.js';
import { dataTable, errorText, field, notice } from './staff-session.js';

/** @typedef {{ id: string, occurredAt: string, actorEmail: string | null, action: string, entityType: string, entityId: string, details: unknown }} Entry */

const PAGE_SIZE = 20;
const LOG = `query($limit: Int!, $offset: Int!, $action: String) { auditLog(limit: $limit, offset: $offset, action: $action) {
  totalCount hasMore items { id occurredAt actorEmail action entityType entityId details } } }`;
const ACTIONS = [
  'APPLICATION_DECIDED',
  'REVIEW_BATCH_OPENED',
  'REVIEW_BATCH_CLOSED',
  'RESULT_RECORDED',
  'RESULTS_IMPORTED',
  'CREDENTIAL_ISSUED',
  'CREDENTIAL_REVOKED',
  'EDITION_CREATED',
  'EDITION_UPDATED',
  'MODULE_UPDATED',
  'MODULE_RETIRED',
];

/** @param {HTMLElement} section */
export function mountAudit(section) {
  const filter = field(
    'audit-action',
    t('audit.action'),
    h(
      'select',
      {},
      h('option', { value: '' }, t('audit.allActions')),
      ACTIONS.map((action) => h('option', { value: action }, action)),
    ),
  );
  const list = h('div', { id: 'audit-list' });
  const pager = h('div', { class: 'pager' });
  let offset = 0;

  function load() {
    const action = /** @type {HTMLSelectElement} */ (filter.control).value || null;
    gql(LOG, { limit: PAGE_SIZE, offset, action }).then(
      (/** @type {{ auditLog: { totalCount: number, hasMore: boolean, items: Entry[] } }} */ data) => {
        const { items, totalCount, hasMore } = data.auditLog;
        replace(
          list,
          dataTable(
            t('audit.heading'),
            [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.entity'), t('audit.details')],
            items.map((entry) => [
              formatDate(entry.occurredAt, { dateStyle: 'medium', timeStyle: 'short' }),
              entry.actorEmail ?? t('audit.system'),
              entry.action,
              `${entry.entityType} ${entry.entityId}`,
              h('pre', { class: 'details' }, JSON.stringify(entry.details)),
            ]),
            'audit-table',
          ),
        );
        replace(
          pager,
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'audit-previous',
              disabled: offset === 0,
              onclick: () => ((offset -= PAGE_SIZE), load()),
            },
            t('audit.previous'),
          ),
          h(
            'p',
            { id: 'audit-position', 'aria-live': 'polite' },
            t('audit.position', {
              from: formatNumber(totalCount === 0 ? 0 : offset + 1),
              to: formatNumber(offset + items.length),
              total: formatNumber(totalCount),
            }),
          ),
          h(
            'button',
            { type: 'button', class: 'secondary', id: 'audit-next', disabled: !hasMore, onclick: () => ((offset += PAGE_SIZE), load()) },
            t('audit.next'),
          ),
        );
      },
      (error) => replace(list, notice(errorText(error), true)),
    );
  }
  filter.control.addEventListener('change', () => {
    offset = 0;
    load();
  });
  replace(section, h('h2', { id: 'audit-heading' }, t('audit.heading')), filter.wrap, pager, list);
  load();
}
