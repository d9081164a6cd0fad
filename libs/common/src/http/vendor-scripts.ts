import { Router } from 'express';
import { dirname, join } from 'node:path';

/** Browser modules the pages import from our own node_modules (pinned by package-lock), never a CDN. */
export const VENDOR_SCRIPTS = '/vendor';

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const SCRIPTS: Record<string, string> = {
  // i18next's ES module build has no imports of its own, so the browser loads it as it is.
  'i18next.js': join(packageDir('i18next'), 'dist', 'esm', 'i18next.js'),
};

export function vendorScripts(): Router {
  const router = Router();
  for (const [name, file] of Object.entries(SCRIPTS)) {
    router.get(`${VENDOR_SCRIPTS}/${name}`, (_request, response) => {
      response.setHeader('Cache-Control', 'public, max-age=86400');
      response.type('text/javascript').sendFile(file);
    });
  }
  return router;
}
