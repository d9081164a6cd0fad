import { INestApplication, LogLevel } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { apiDocsAssets, graphqlIde, publicCors, securityHeaders, vendorScripts } from '@magix/common';
import { AppConfig, Secrets } from '@magix/config';
import { DemoSeeder } from '@magix/demo';
import { observeRequests } from '@magix/observability';
import { webRoot } from '@magix/sharing';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http-error.filter';
import { keepConnectionsAsProxiesDo } from './server-timeouts';
import { startingAlone } from './startup-lock';
import { webPages } from './web-pages';

export interface AppOptions {
  config: AppConfig;
  secrets: Secrets;
  databaseUrl: string;
  logger?: LogLevel[] | false;
}

/** Builds the whole server: migrations run on start, then the demo data when configured. */
export function createApp(options: AppOptions): Promise<INestApplication> {
  // One process at a time on a database: servers started together must not both migrate or seed.
  return startingAlone(options.databaseUrl, () => assemble(options));
}

async function assemble({ config, secrets, databaseUrl, logger }: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, secrets, databaseUrl), {
    logger: logger ?? ['log', 'warn', 'error'],
    bodyParser: false,
    httpsOptions: config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : undefined,
  });
  app.disable('x-powered-by');
  // First: every answer carries its request id, and every request is logged and measured.
  app.use(observeRequests());
  keepConnectionsAsProxiesDo(app.getHttpServer());
  // Before everything else, so that every answer (errors, Apollo, static files) carries them.
  app.use(securityHeaders(Boolean(config.tls)));
  app.use(publicCors);
  // GraphiQL from our own node_modules at GET /graphql (a browser's Accept), not Apollo's CDN page.
  app.use(graphqlIde(join(webRoot(), 'graphiql.html')));
  app.use(vendorScripts());
  // Swagger UI for /openapi.json at /api-docs, from our own node_modules.
  app.use(apiDocsAssets());
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/ld+json'] });
  app.useGlobalFilters(new HttpErrorFilter());
  // The web pages (/verify, /learner, /dashboard) are plain files: no build, no second server.
  app.use(webPages(webRoot()));
  await app.init();
  if (config.seedDemo) await app.get(DemoSeeder).seed();
  return app;
}
