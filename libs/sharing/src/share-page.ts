import { DomainError, escapeHtml } from '@magix/common';
import { SharingErrorCode } from './sharing.errors';

const headings: Record<string, string> = {
  [SharingErrorCode.SHARE_LINK_NOT_FOUND]: 'Link not found',
  [SharingErrorCode.SHARE_LINK_REVOKED]: 'Link withdrawn',
  [SharingErrorCode.SHARE_LINK_EXPIRED]: 'Link expired',
};

/** A plain page for a link that leads nowhere: what happened, and what the visitor can do instead. */
export function linkErrorPage(error: DomainError): string {
  const heading = headings[error.code] ?? 'Link not available';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} — MAGIX</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<main id="main" class="page">
<h1>${escapeHtml(heading)}</h1>
<p class="verdict verdict-bad" data-code="${escapeHtml(error.code)}">${escapeHtml(error.message)}.</p>
<p>No credential is shown here. Ask the holder for a new link, or <a href="/verify">verify a credential file</a> they send you.</p>
</main>
</body>
</html>
`;
}
