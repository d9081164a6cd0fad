/* global document, fetch, FormData */
// The learner's part of the catalogue: signing in, applying with a motivation and a CV, and the applications so far.
import { gql, token } from './api.js';
import { byId, h, replace } from './dom.js';
import { formatDate, t } from './i18n.js';
import { offerActions } from './catalogue-offers.js';
import { dataTable, errorText, field, focusHeading, notice, sessionBar, withRole } from './staff-session.js';

/**
 * @typedef {{ offeringId: string | null, label: string }} Target
 * @typedef {{ id: string, status: string, submittedAt: string, decisionReason: string | null, offerExpiresAt: string | null, registrationUrl: string | null,
 *   cv: { filename: string } | null, offering: { code: string, module: { title: string } } | null, edition: { code: string } | null }} Application
 */

const MINE = `{ applications(limit: 100) { items { id status submittedAt decisionReason offerExpiresAt registrationUrl cv { filename }
  offering { code module { title } } edition { code } } } }`;
const APPLY = 'mutation($input: ApplyInput!) { apply(input: $input) { id status } }';
const MAX_CV_BYTES = 2 * 1024 * 1024;

/** @type {HTMLElement | null} */
let section = null;
/** @type {Target | null} */
let pending = null;

/**
 * Sends the CV to the application's document route (multipart, field `file`) with the signed-in token.
 * @param {string} applicationId
 * @param {File} file
 */
async function uploadCv(applicationId, file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const bearer = token();
  const response = await fetch(`/applications/${applicationId}/cv`, {
    method: 'POST',
    body,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  if (response.ok) return;
  /** @type {unknown} */
  const answer = await response.json().catch(() => ({}));
  const message = /** @type {{ message?: unknown }} */ (answer).message;
  throw new Error(typeof message === 'string' ? message : `${response.status} ${response.statusText}`);
}

/** @param {HTMLElement} place */
async function showApplications(place) {
  try {
    /** @type {{ applications: { items: Application[] } }} */
    const data = await gql(MINE);
    const items = data.applications.items;
    replace(
      place,
      items.length === 0
        ? h('p', { id: 'applications-none' }, t('mine.none'))
        : dataTable(
            t('mine.heading'),
            [t('mine.target'), t('mine.submitted'), t('mine.status'), t('mine.cv')],
            items.map((application) => {
              const target = application.offering
                ? `${application.offering.module.title} (${application.offering.code})`
                : t('mine.degree', { edition: application.edition?.code ?? '' });
              const { offerExpiresAt } = application;
              return [
                target,
                formatDate(application.submittedAt),
                h(
                  'span',
                  {},
                  h(
                    'span',
                    { class: `status status-${application.status}`, 'data-status': application.status },
                    t(`status.${application.status}`),
                  ),
                  h('br'),
                  h('small', {}, t(`statusHelp.${application.status}`)),
                  // A module place on offer (the batch closed, so the learner was told): take it or decline it here.
                  application.status === 'ACCEPTED' && offerExpiresAt
                    ? offerActions({ id: application.id, offerExpiresAt }, target, () => void showApplications(place))
                    : null,
                  // A degree place is taken at UPM's official registration system; the office then confirms it.
                  application.registrationUrl
                    ? h(
                        'p',
                        { class: 'offer' },
                        h('a', { href: application.registrationUrl, 'data-action': 'register', rel: 'noopener' }, t('offer.register')),
                      )
                    : null,
                ),
                application.cv ? application.cv.filename : t('mine.noCv'),
              ];
            }),
            'applications-table',
          ),
    );
  } catch (error) {
    replace(place, notice(errorText(error), true));
  }
}

/**
 * @param {HTMLElement} place
 * @param {Target} target
 * @param {() => void} onApplied
 */
function applyForm(place, target, onApplied) {
  const profile = field(
    'apply-profile',
    t('apply.profile'),
    h(
      'select',
      {},
      h('option', { value: 'PUBLIC_STAFF' }, t('apply.profiles.PUBLIC_STAFF')),
      h('option', { value: 'STUDENT' }, t('apply.profiles.STUDENT')),
    ),
  );
  const detail = field('apply-detail', t('apply.employer'), h('input', { type: 'text', autocomplete: 'organization' }));
  const detailLabel = /** @type {HTMLElement} */ (detail.wrap.querySelector('label'));
  profile.control.addEventListener('change', () => {
    replace(
      detailLabel,
      /** @type {HTMLSelectElement} */ (profile.control).value === 'STUDENT' ? t('apply.discipline') : t('apply.employer'),
    );
  });
  const motivation = field(
    'apply-motivation',
    t('apply.motivation'),
    h('textarea', { class: 'prose', maxlength: 4000 }),
    t('apply.motivationHint'),
  );
  const cv = field('apply-cv', t('apply.cv'), h('input', { type: 'file', accept: 'application/pdf,.pdf' }), t('apply.cvHint'));
  const outcome = h('div', { 'aria-live': 'polite', id: 'apply-outcome' });
  const form = h(
    'form',
    { class: 'panel', id: 'apply-form', novalidate: true },
    h('h3', { id: 'apply-heading' }, t('apply.heading', { target: target.label })),
    profile.wrap,
    detail.wrap,
    motivation.wrap,
    cv.wrap,
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'apply-button' }, t('apply.submit'))),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    [profile, detail, motivation, cv].forEach((f) => f.setError());
    replace(outcome);
    const kind = /** @type {HTMLSelectElement} */ (profile.control).value;
    const detailValue = /** @type {HTMLInputElement} */ (detail.control).value.trim();
    const text = /** @type {HTMLTextAreaElement} */ (motivation.control).value.trim();
    const file = /** @type {HTMLInputElement} */ (cv.control).files?.[0];
    /** @type {Array<[ReturnType<typeof field>, string]>} */
    const problems = [];
    if (detailValue.length < 2) problems.push([detail, kind === 'STUDENT' ? t('apply.disciplineRequired') : t('apply.employerRequired')]);
    if (text.length < 50) problems.push([motivation, t('apply.motivationTooShort', { count: text.length })]);
    if (!file) problems.push([cv, t('apply.cvRequired')]);
    else if (file.size > MAX_CV_BYTES) problems.push([cv, t('apply.cvTooLarge')]);
    problems.forEach(([f, message]) => f.setError(message));
    if (problems.length > 0 || !file) {
      problems[0]?.[0].control.focus();
      return;
    }
    const input = {
      ...(target.offeringId ? { offeringId: target.offeringId } : {}),
      profile: kind,
      ...(kind === 'STUDENT' ? { discipline: detailValue } : { publicEmployerName: detailValue }),
      motivation: text,
    };
    gql(APPLY, { input })
      .then((/** @type {{ apply: { id: string } }} */ data) =>
        uploadCv(data.apply.id, file).then(
          () => {
            replace(place, notice(t('apply.done', { target: target.label })));
            onApplied();
          },
          (/** @type {unknown} */ error) => {
            cv.setError(t('apply.cvRefused', { message: error instanceof Error ? error.message : String(error) }));
            onApplied();
          },
        ),
      )
      .catch((/** @type {unknown} */ error) => replace(outcome, notice(errorText(error), true)));
  });
  replace(place, form);
  focusHeading('apply-heading');
}

/** @param {{ email: string }} me */
function showSignedIn(me) {
  if (!section) return;
  const mine = h('div', { id: 'applications-list' });
  const place = h('div', { id: 'apply-area' });
  replace(
    section,
    h('h2', { id: 'learner-heading' }, t('mine.heading')),
    sessionBar(me.email, () => section && mountLearner(section)),
    place,
    // What came of taking or declining an offer; outside the list, which is drawn again after it.
    h('div', { id: 'offer-outcome' }),
    mine,
  );
  const refresh = () => void showApplications(mine);
  if (pending) applyForm(place, pending, refresh);
  pending = null;
  refresh();
}

/**
 * The learner's area: a sign-in form, or the applications and the apply form.
 * @param {HTMLElement} container
 */
export function mountLearner(container) {
  section = container;
  const place = h('div', { id: 'learner-login' });
  replace(container, h('h2', { id: 'learner-heading' }, t('session.heading')), place);
  withRole(place, { role: 'LEARNER', heading: t('session.formHeading'), hint: t('session.hint'), onSignedIn: showSignedIn });
}

/**
 * Opens the apply form for an offering or the degree; asks to sign in first when needed.
 * @param {Target} target
 */
export function openApplyForm(target) {
  const place = document.getElementById('apply-area');
  if (place) {
    applyForm(place, target, () => void showApplications(byId('applications-list')));
    return;
  }
  pending = target;
  const email = document.getElementById('login-email');
  if (email) {
    replace(byId('login-error'), t('session.signInToApply', { target: target.label }));
    email.focus();
  }
}
