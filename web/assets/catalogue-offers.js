// A place offered to the learner: take it or decline it, after a confirmation, before the offer expires.
import { ApiError, gql } from './api.js';
import { byId, h, replace } from './dom.js';
import { exists, formatDate, t } from './i18n.js';
import { errorText, labelled, notice } from './staff-session.js';

const ACCEPT = 'mutation($id: ID!) { acceptOffer(applicationId: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineOffer(applicationId: $id) { id status } }';

/** @typedef {'accept' | 'decline'} Choice */

/**
 * The server's refusal in the reader's language, by its code; the server's own words for a code
 * this page does not know.
 * @param {unknown} error
 */
function offerErrorText(error) {
  if (error instanceof ApiError && exists(`offer.errors.${error.code}`)) return t(`offer.errors.${error.code}`);
  return errorText(error);
}

/**
 * Puts the outcome above the list, where it stays when the list is drawn again, and moves focus
 * to it: the buttons the keyboard was on are gone.
 * @param {string} text
 * @param {boolean} bad
 */
function announce(text, bad) {
  const place = byId('offer-outcome');
  const message = notice(text, bad);
  message.setAttribute('tabindex', '-1');
  replace(place, message);
  message.focus();
}

/**
 * The offer in an application's row: its expiry and the two buttons; a choice asks for a
 * confirmation in place before anything is sent.
 * @param {{ id: string, offerExpiresAt: string }} application
 * @param {string} target what the place is in, as the row names it
 * @param {() => void} refresh draws the list again
 */
export function offerActions(application, target, refresh) {
  const box = h('div', { class: 'offer', 'data-offer': application.id });

  function showButtons() {
    // With the hour: an offer ends a week after the batch closed, at that time of day, not at midnight.
    replace(
      box,
      h(
        'p',
        { class: 'offer-expiry' },
        t('offer.expires', { date: formatDate(application.offerExpiresAt, { dateStyle: 'long', timeStyle: 'short' }) }),
      ),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', 'data-action': 'accept', onclick: () => askFirst('accept') }, labelled(t('offer.accept'), target)),
        h(
          'button',
          { type: 'button', class: 'secondary', 'data-action': 'decline', onclick: () => askFirst('decline') },
          labelled(t('offer.decline'), target),
        ),
      ),
    );
  }

  /** @param {Choice} choice */
  function askFirst(choice) {
    const questionId = `offer-question-${application.id}`;
    const yes = h(
      'button',
      { type: 'button', class: choice === 'decline' ? 'danger' : null, 'data-action': `confirm-${choice}`, 'aria-describedby': questionId },
      t(`offer.confirm.${choice}.yes`),
    );
    const no = h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, t('offer.confirm.cancel'));
    yes.addEventListener('click', () => send(choice, yes, no));
    no.addEventListener('click', () => {
      showButtons();
      /** @type {HTMLElement | null} */ (box.querySelector(`button[data-action="${choice}"]`))?.focus();
    });
    replace(
      box,
      h('p', { id: questionId, class: 'offer-question' }, t(`offer.confirm.${choice}.question`, { target })),
      h('p', { class: 'actions' }, yes, no),
    );
    yes.focus();
  }

  /**
   * @param {Choice} choice
   * @param {HTMLElement} yes
   * @param {HTMLElement} no
   */
  function send(choice, yes, no) {
    yes.setAttribute('disabled', '');
    no.setAttribute('disabled', '');
    gql(choice === 'accept' ? ACCEPT : DECLINE, { id: application.id })
      .then(
        () => announce(t(`offer.done.${choice}`, { target }), false),
        (/** @type {unknown} */ error) => announce(offerErrorText(error), true),
      )
      // Drawn again either way, so the row shows what the server holds: a refused offer may have
      // changed too (an expired one went to the reserve list with the refusal).
      .finally(refresh);
  }

  showButtons();
  return box;
}
