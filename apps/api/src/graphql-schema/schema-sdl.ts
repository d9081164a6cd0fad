import { Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@magix/config';
import { AppModule } from '../app.module';

/** What heads the committed schema.graphql: it is generated, not edited. */
export const SCHEMA_FILE_HEADER = '# Generated from the code-first GraphQL schema by `npm run schema`: do not edit.\n\n';

/** The schema as SDL, sorted as the server sorts it (`sortSchema`), with the file's header. */
export const schemaFileText = (schema: GraphQLSchema): string => SCHEMA_FILE_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';

/**
 * The server's GraphQL schema, built from the code without a database: the application's module
 * graph in preview mode (no provider is instantiated, so nothing connects) gives every provider
 * class, and @nestjs/graphql's schema factory builds from them what the GraphQL module builds at
 * start (autoSchemaFile), so the two cannot drift.
 */
export async function codeFirstSchema(): Promise<GraphQLSchema> {
  const config = loadConfig({ SEED_DEMO: 'false' });
  const secrets = { jwtSecret: Buffer.alloc(32), masterKey: Buffer.alloc(32) };
  const graph = await NestFactory.createApplicationContext(AppModule.forRoot(config, secrets, 'postgres://unused/unused'), {
    preview: true,
    logger: false,
  });
  const providers = [...graph.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values()]);
  const classes = [...new Set(providers.map((wrapper) => wrapper.metatype))].filter(
    (metatype): metatype is Type => typeof metatype === 'function' && metatype.prototype !== undefined,
  );
  const builder = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await builder.get(GraphQLSchemaFactory).create(classes);
  } finally {
    await builder.close();
    await graph.close();
  }
}
