/* global document */
// What the staff, office and catalogue pages share: signing in with a role, the signed-in bar,
// labelled fields with their own error, tables that scroll on a phone, and errors in the reader's language.
import { ApiError, gql, signIn, signOut, signedInRole } from './api.js';
import { byId, h, replace } from './dom.js';
import { t } from './i18n.js';

/** The header's nav label (data-i18n-attr cannot name another namespace). */
export function translateChrome() {
  document.querySelector('.site-header nav')?.setAttribute('aria-label', t('common:nav.label'));
}

/**
 * A message for people from any error: the server's own words for a refused request, a network
 * problem named as such.
 * @param {unknown} error
 * @returns {string}
 */
export function errorText(error) {
  if (error instanceof ApiError) return t('common:error.generic', { message: error.message });
  if (error instanceof TypeError) return t('common:error.network');
  return t('common:error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * A labelled control with a hint and an error line of its own, tied by aria-describedby.
 * @param {string} id
 * @param {string} label
 * @param {HTMLElement} control an input, select or textarea with this id
 * @param {string} [hint]
 */
export function field(id, label, control, hint) {
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintNode = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintNode ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), control, hintNode, error);
  return {
    wrap,
    control,
    /** @param {string} [message] shows it under the field, or clears it */
    setError(message) {
      replace(error, message ?? '');
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/**
 * A table with a caption, inside a scrolling region a keyboard can reach.
 * @param {string} caption
 * @param {string[]} headers
 * @param {Array<Array<string | number | Node | null>>} rows
 * @param {string} [id]
 */
export function dataTable(caption, headers, rows, id) {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': t('staff:session.tableLabel', { caption }), tabindex: 0 },
    h(
      'table',
      { id: id ?? null },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((header) => h('th', { scope: 'col' }, header)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((cell, i) => h('td', { 'data-label': headers[i] }, cell ?? '')),
          ),
        ),
      ),
    ),
  );
}

/**
 * @param {string} text
 * @param {boolean} [bad]
 */
export function notice(text, bad = false) {
  return h('p', { class: bad ? 'notice bad' : 'notice', role: bad ? 'alert' : 'status' }, text);
}

/**
 * Shows the page once signed in with `role`; otherwise a sign-in form. Another role's session is
 * not this page's: the form says so.
 * @param {HTMLElement} container
 * @param {{ role: string, heading: string, hint: string, onSignedIn: (me: { email: string, organisationId: string | null, learnerId: string | null }) => void }} options
 */
export function withRole(container, { role, heading, hint, onSignedIn }) {
  const current = signedInRole();
  if (current === role) {
    gql('{ me { email organisationId learnerId } }').then(
      (/** @type {{ me: { email: string, organisationId: string | null, learnerId: string | null } }} */ data) => onSignedIn(data.me),
      () => {
        signOut();
        withRole(container, { role, heading, hint, onSignedIn });
      },
    );
    return;
  }
  const email = field('login-email', t('common:email'), h('input', { type: 'email', autocomplete: 'username', required: true }));
  const password = field(
    'login-password',
    t('common:password'),
    h('input', { type: 'password', autocomplete: 'current-password', required: true }),
  );
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' }, current ? t('staff:session.wrongRole') : '');
  const form = h(
    'form',
    { class: 'panel', id: 'login-form', novalidate: true },
    h('h2', {}, heading),
    h('p', { class: 'hint' }, hint),
    email.wrap,
    password.wrap,
    error,
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'login-button' }, t('common:signIn'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const emailInput = /** @type {HTMLInputElement} */ (email.control);
    const passwordInput = /** @type {HTMLInputElement} */ (password.control);
    email.setError(emailInput.value.trim() ? undefined : t('staff:session.emailRequired'));
    password.setError(passwordInput.value ? undefined : t('staff:session.passwordRequired'));
    replace(error);
    if (!emailInput.value.trim() || !passwordInput.value) return;
    signIn(emailInput.value.trim(), passwordInput.value).then(
      () => {
        if (signedInRole() !== role) {
          signOut();
          replace(error, t('staff:session.wrongRole'));
          return;
        }
        withRole(container, { role, heading, hint, onSignedIn });
      },
      (/** @type {unknown} */ e) => replace(error, errorText(e)),
    );
  });
  replace(container, form);
}

/**
 * "Signed in as …" with a sign-out button that reloads the page.
 * @param {string} email
 * @param {() => void} onSignedOut
 */
export function sessionBar(email, onSignedOut) {
  return h(
    'div',
    { class: 'session-bar' },
    h('p', { id: 'signed-in-as' }, t('staff:session.signedInAs', { email })),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        id: 'sign-out',
        onclick: () => {
          signOut();
          onSignedOut();
        },
      },
      t('common:signOut'),
    ),
  );
}

/**
 * A button's content: the visible words, then what it acts on for screen readers, so the
 * accessible name starts with what is seen (WCAG 2.5.3) and still tells the rows apart.
 * @param {string} visible
 * @param {string} context
 */
export function labelled(visible, context) {
  return [visible, h('span', { class: 'visually-hidden' }, ` — ${context}`)];
}

/**
 * Moves focus to a heading (e.g. after a view changes), so a keyboard and screen reader follow.
 * @param {string} id
 */
export function focusHeading(id) {
  const node = byId(id);
  node.setAttribute('tabindex', '-1');
  node.focus();
}
