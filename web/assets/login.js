// A sign-in form shared by the learner page and the dashboard.
import { ApiError, signIn } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/**
 * Why a sign-in failed, in the reader's language; the server's own words (English) only when no message here covers them.
 * @param {unknown} error
 * @returns {Array<string | HTMLElement>}
 */
function reason(error) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return [t('common:signInRefused')];
  if (error instanceof ApiError && error.code === 'NETWORK') return [error.message];
  if (error instanceof Error) return [`${t('common:signInFailed')}: `, h('span', { lang: 'en' }, error.message)];
  return [t('common:signInFailed')];
}

/**
 * @param {HTMLElement} container
 * @param {{ heading: string, hint: string, onSignedIn: () => void }} options heading and hint already translated
 */
export function showLogin(container, { heading, hint, onSignedIn }) {
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const email = /** @type {HTMLInputElement} */ (
    h('input', { id: 'login-email', type: 'email', name: 'email', autocomplete: 'username', required: true })
  );
  const password = /** @type {HTMLInputElement} */ (
    h('input', { id: 'login-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true })
  );
  const form = h(
    'form',
    { class: 'panel', id: 'login-form' },
    h('h2', {}, heading),
    h('p', { class: 'hint' }, hint),
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, t('common:email')), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('common:password')), password),
    error,
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'login-button' }, t('common:signIn'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replace(error);
    signIn(email.value.trim(), password.value).then(onSignedIn, (/** @type {unknown} */ e) => replace(error, ...reason(e)));
  });
  replace(container, form);
  email.focus();
}
