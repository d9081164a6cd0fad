import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeFirstSchema, schemaFileText } from '../graphql-schema/schema-sdl';
import { exitOnFatal } from '../exit-on-fatal';

/** `npm run schema`: writes the code-first GraphQL schema to schema.graphql at the repository root. */
async function writeSchema(): Promise<void> {
  const file = join(process.cwd(), 'schema.graphql');
  writeFileSync(file, schemaFileText(await codeFirstSchema()));
  console.log(`Wrote ${file}`);
}

writeSchema().catch(exitOnFatal);
