import { Router } from 'express';
import { dirname, join } from 'node:path';

/** Where the OpenAPI viewer's files are served from: our own copy of swagger-ui-dist, pinned by package-lock. */
export const API_DOCS_ASSETS = '/swagger-ui';

const SWAGGER_UI = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, { file: string; type: string }> = {
  'swagger-ui-bundle.js': { file: join(SWAGGER_UI, 'swagger-ui-bundle.js'), type: 'text/javascript' },
  'swagger-ui.css': { file: join(SWAGGER_UI, 'swagger-ui.css'), type: 'text/css' },
};

/**
 * Swagger UI's files for the viewer of /openapi.json at /api-docs (web/api-docs.html, started by
 * web/assets/api-docs-init.js): no CDN, and under the site's strict CSP.
 */
export function apiDocsAssets(): Router {
  const router = Router();
  for (const [name, asset] of Object.entries(ASSETS)) {
    router.get(`${API_DOCS_ASSETS}/${name}`, (_request, response) => {
      response.setHeader('Cache-Control', 'public, max-age=86400');
      response.type(asset.type).sendFile(asset.file);
    });
  }
  return router;
}
