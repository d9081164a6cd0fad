import { ApplicantProfile } from '@magix/admissions';
import { escapeHtml } from '@magix/common';

/**
 * The interest list's pages, written on the server: plain HTML forms (no script, so nothing for
 * the Content-Security-Policy to refuse), the site's own stylesheet, nothing from another origin.
 */

// The languages the mails are written in (libs/i18n).
const LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['es', 'Español'],
  ['it', 'Italiano'],
  ['de', 'Deutsch'],
  ['et', 'Eesti'],
];

const PROFILES: Array<[ApplicantProfile, string]> = [
  [ApplicantProfile.STUDENT, 'A student (of any discipline)'],
  [ApplicantProfile.PUBLIC_STAFF, 'Staff of a public institution'],
];

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} — MAGIX</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/assets/style.css" />
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">MAGIX</a>
      <nav aria-label="Main">
        <ul>
          <li><a href="/verify">Verify</a></li>
          <li><a href="/learner">My credentials</a></li>
          <li><a href="/interest-list" aria-current="page">Interest list</a></li>
        </ul>
      </nav>
    </header>
    <main id="main" class="page">
      <h1>${escapeHtml(title)}</h1>
${main}
    </main>
  </body>
</html>
`;
}

/** GET /interest-list: the form; after a refused post, the message and the values given. */
export function joinPage(error?: string, values: Record<string, string> = {}): string {
  const value = (name: string) => escapeHtml(values[name] ?? '');
  const option = (name: string, [code, label]: [string, string]) =>
    `<option value="${code}"${values[name] === code ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  return page(
    'Hear when the next edition opens',
    `      <p>
        The MAGIX joint master’s in AI, data and digital governance for the public sector opens a new edition every year. Leave your
        name and email: we first mail you a link to confirm the address, then one mail when the next edition opens: its dates, the
        degree application window and how to apply. No account is needed; every mail has a link to leave the list.
      </p>
${error ? `      <p class="error" role="alert">${escapeHtml(error)}</p>\n` : ''}      <form class="panel" method="post" action="/interest-list">
        <div class="field">
          <label for="name">Name</label>
          <input id="name" name="name" autocomplete="name" required maxlength="200" value="${value('name')}" />
        </div>
        <div class="field">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${value('email')}" />
        </div>
        <div class="field">
          <label for="preferredLanguage">Language of the mail (optional)</label>
          <select id="preferredLanguage" name="preferredLanguage">
            <option value="">—</option>
            ${LANGUAGES.map((l) => option('preferredLanguage', l)).join('\n            ')}
          </select>
        </div>
        <div class="field">
          <label for="profile">You are (optional)</label>
          <select id="profile" name="profile">
            <option value="">—</option>
            ${PROFILES.map((p) => option('profile', p)).join('\n            ')}
          </select>
        </div>
        <div class="actions"><button type="submit">Join the interest list</button></div>
      </form>`,
  );
}

/** The answer to a form post: the same words as the API's. */
export function messagePage(title: string, message: string): string {
  return page(
    title,
    `      <p class="panel" role="status">${escapeHtml(message)}</p>\n      <p><a href="/">The programme and its modules</a></p>`,
  );
}

/**
 * GET /interest-list/confirm?token=…: a button, so that a mail scanner opening the link
 * confirms no one; the person's click does.
 */
export function confirmPage(token: string): string {
  return page(
    'Confirm your place on the interest list',
    `      <p>Confirm that this address wants one mail from MAGIX when the next edition opens?</p>
      <form class="panel" method="post" action="/interest-list/confirm">
        <input type="hidden" name="token" value="${escapeHtml(token)}" />
        <div class="actions"><button type="submit">Confirm</button></div>
      </form>`,
  );
}

/**
 * GET /interest-list/leave?token=…: a button, not an immediate removal, since mail scanners
 * open links on their own.
 */
export function leavePage(token: string): string {
  return page(
    'Leave the interest list',
    `      <p>Leave the MAGIX interest list? Your name and email are deleted; you get no more mails from it.</p>
      <form class="panel" method="post" action="/interest-list/leave">
        <input type="hidden" name="token" value="${escapeHtml(token)}" />
        <div class="actions"><button type="submit" class="danger">Leave the list</button></div>
      </form>`,
  );
}
