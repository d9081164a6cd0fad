// Where applications are closed, the catalogue says so instead of offering Apply: when they open
// or when they closed, and the interest list, which mails once the next edition opens.
import { h } from './dom.js';
import { formatDate, t } from './i18n.js';

export const INTEREST_LIST = '/interest-list';

/**
 * @typedef {{ opensOn: string | null, closesOn: string | null }} Window ISO dates; null when unset
 * @typedef {{ endsOn: string, degreeApplicationsOpen: boolean, degreeApplicationsOpenOn: string | null,
 *   degreeApplicationsCloseOn: string | null }} DegreeEdition
 */

/** Today as the server counts it: the UTC date, the form of every date in the API. */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Applications are closed", with the date that matters: the opening day of a window still to
 * come, else the last day of one past; neither (e.g. an edition not opened yet): no date.
 * @param {Window} window
 */
export function closedNotice(window) {
  const day = today();
  const text =
    window.opensOn && window.opensOn > day
      ? t('closed.opens', { date: formatDate(window.opensOn) })
      : window.closesOn && window.closesOn < day
        ? t('closed.closed', { date: formatDate(window.closesOn) })
        : t('closed.notOpen');
  return h(
    'span',
    { class: 'closed', 'data-closed': '' },
    text,
    ' ',
    h('a', { href: INTEREST_LIST, 'data-action': 'interest-list' }, t('closed.interestList')),
  );
}

/**
 * The degree window to name when no edition takes degree applications: the next to open, else
 * the one that closed last. Unset bounds: open since ever, until the edition ends.
 * @param {DegreeEdition[]} editions
 * @returns {Window}
 */
export function nextOrLastDegreeWindow(editions) {
  const day = today();
  const windows = editions.map((edition) => ({
    opensOn: edition.degreeApplicationsOpenOn,
    closesOn: edition.degreeApplicationsCloseOn ?? edition.endsOn,
  }));
  const next = windows
    .filter((window) => window.opensOn !== null && window.opensOn > day)
    .sort((a, b) => String(a.opensOn).localeCompare(String(b.opensOn)))[0];
  if (next) return next;
  const last = windows.filter((window) => window.closesOn < day).sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0];
  return last ?? { opensOn: null, closesOn: null };
}
