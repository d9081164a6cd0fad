import { DomainError, escapeHtml } from '@magix/common';
import { SharingErrorCode } from './sharing.errors';

// English as the server writes it; /assets/link-error.js puts the page in the reader's language
// with the same keys (web/locales/<language>/verify.json, "linkError").
const texts: Record<string, { title: string; text: string }> = {
  [SharingErrorCode.SHARE_LINK_NOT_FOUND]: { title: 'Link not found', text: 'No credential is shared at this link.' },
  [SharingErrorCode.SHARE_LINK_REVOKED]: { title: 'Link withdrawn', text: 'The holder has withdrawn this link.' },
  [SharingErrorCode.SHARE_LINK_EXPIRED]: { title: 'Link expired', text: 'This link has expired.' },
};
const OTHER = { title: 'Link not available', text: 'This link does not lead to a credential.' };

/** A plain page for a link that leads nowhere: what happened, and what the visitor can do instead. */
export function linkErrorPage(error: DomainError): string {
  const known = texts[error.code];
  const { title, text } = known ?? OTHER;
  const key = `linkError.${known ? error.code : 'other'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title data-i18n="${key}.title">${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/verify.css">
<script type="module" src="/assets/link-error.js"></script>
</head>
<body>
<a class="skip-link" href="#main" data-i18n="common:skipLink">Skip to content</a>
<header class="site-header">
<a class="brand" href="/" data-i18n="common:brand">MAGIX</a>
<nav aria-label="Main" data-i18n-attr="aria-label:common:nav.label">
<ul>
<li><a href="/verify" data-i18n="common:nav.verify">Verify</a></li>
<li><a href="/catalogue" data-i18n="common:nav.catalogue">Modules</a></li>
<li><a href="/learner" data-i18n="common:nav.learner">My credentials</a></li>
<li><a href="/staff" data-i18n="common:nav.staff">Results</a></li>
<li><a href="/office" data-i18n="common:nav.office">Programme office</a></li>
<li><a href="/dashboard" data-i18n="common:nav.dashboard">Programme dashboard</a></li>
</ul>
</nav>
</header>
<main id="main" class="page">
<h1 data-i18n="${key}.title">${escapeHtml(title)}</h1>
<p class="verdict verdict-bad" data-code="${escapeHtml(error.code)}" data-i18n="${key}.text">${escapeHtml(text)}</p>
<p><span data-i18n="linkError.nothingShown">No credential is shown here. Ask the holder for a new link, or verify a credential file they send you.</span>
<a href="/verify" data-i18n="linkError.verifyFile">Verify a credential file</a></p>
</main>
</body>
</html>
`;
}
