import { readdirSync } from 'node:fs';
import { RequestHandler, static as serveStatic } from 'express';

/**
 * The web pages (/verify, /learner, /dashboard, /assets/…) as plain files, looked up only for the
 * names the folder holds at start: `GET /health` or an API route then costs no file lookups
 * (serve-static stats `web/health` and `web/health.html` before the routes are reached).
 */
export function webPages(root: string): RequestHandler {
  const files = serveStatic(root, { extensions: ['html'], index: 'index.html', redirect: false });
  const names = new Set<string>(['']); // '' is `/`, the index page
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    names.add(entry.name);
    if (entry.isFile() && entry.name.endsWith('.html')) names.add(entry.name.slice(0, -'.html'.length));
  }
  return (request, response, next): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const first = request.path.split('/')[1] ?? '';
    let name: string;
    try {
      name = decodeURIComponent(first);
    } catch {
      return next();
    }
    if (names.has(name)) void files(request, response, next);
    else next();
  };
}
