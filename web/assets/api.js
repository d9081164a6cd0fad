/* global sessionStorage, fetch, atob */
// The one way the pages talk to the server: GraphQL at /graphql, with the signed-in token if any.
import { t } from './i18n.js';

const TOKEN_KEY = 'magix.accessToken';

export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {string} code
   * @param {{ field?: string, rule?: string }} [details] the input field the server refused, and why
   */
  constructor(message, code, details = {}) {
    super(message);
    this.code = code;
    this.field = details.field;
    this.rule = details.rule;
  }
}

/** @returns {string | null} */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * @template T
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<T>}
 */
export async function gql(query, variables = {}) {
  const bearer = token();
  /** @type {Response} */
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(t('common:error.network'), 'NETWORK');
  }
  /** @type {unknown} */
  const raw = await response.json();
  const body =
    /** @type {{ data?: T, errors?: Array<{ message: string, extensions?: { code?: string, field?: string, rule?: string } }> }} */ (raw);
  const error = body.errors?.[0];
  if (error) {
    const { code, field, rule } = error.extensions ?? {};
    throw new ApiError(error.message, code ?? 'ERROR', { field, rule });
  }
  if (!body.data) throw new ApiError(t('common:error.noAnswer'), 'ERROR');
  return body.data;
}

/**
 * Signs in and keeps the token for this browser tab only (sessionStorage): closing the tab signs out.
 * @param {string} email
 * @param {string} password
 * @returns {Promise<void>}
 */
export async function signIn(email, password) {
  /** @type {{ login: { accessToken: string } }} */
  const data = await gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password } });
  sessionStorage.setItem(TOKEN_KEY, data.login.accessToken);
}

/**
 * The role inside the token, to show the right view; the server checks it again on every call.
 * @returns {string | null}
 */
export function signedInRole() {
  const jwt = token();
  if (!jwt) return null;
  try {
    /** @type {unknown} */
    const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const payload = /** @type {{ role?: string, exp?: number }} */ (claims);
    if (payload.exp && payload.exp * 1000 < Date.now()) return null;
    return payload.role ?? null;
  } catch {
    return null;
  }
}
