import { RequestHandler, Router } from 'express';
import { dirname, join } from 'node:path';

/** Where the IDE's files are served from: our own copies of the npm packages, pinned by package-lock. */
export const GRAPHQL_IDE_ASSETS = '/graphiql';

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
};

/**
 * GraphiQL, self-hosted: `GET /graphql` from a browser (Accept: text/html) gets the page, its
 * scripts and styles come from GRAPHQL_IDE_ASSETS and its own init script from /assets. No other
 * origin, and it runs under the site's strict CSP (no inline script or style).
 */
export function graphqlIde(pageFile: string): Router {
  const router = Router();
  const page: RequestHandler = (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').sendFile(pageFile);
  };
  router.get('/graphql', (request, response, next) => {
    const wantsPage = request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsPage || request.query.query !== undefined) return next();
    page(request, response, next);
  });
  for (const [name, asset] of Object.entries(ASSETS)) {
    router.get(`${GRAPHQL_IDE_ASSETS}/${name}`, (_request, response) => {
      response.setHeader('Cache-Control', 'public, max-age=86400');
      response.type(asset.type).sendFile(asset.file);
    });
  }
  return router;
}
