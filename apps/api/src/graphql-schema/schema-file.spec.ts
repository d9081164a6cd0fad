import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { codeFirstSchema, SCHEMA_FILE_HEADER, schemaFileText } from './schema-sdl';

const SCHEMA_FILE = join(__dirname, '../../../../schema.graphql');

describe('schema.graphql', () => {
  it('is the code-first schema as it is now (else: run npm run schema and commit the file)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const current = schemaFileText(await codeFirstSchema());
    if (committed !== current) {
      const [was, is] = [committed.split('\n'), current.split('\n')];
      const line = was.findIndex((text, i) => text !== is[i]);
      throw new Error(
        `schema.graphql differs from the GraphQL schema the code builds (from line ${line + 1}: "${was[line] ?? ''}" is now "${is[line] ?? ''}"): ` +
          'run `npm run schema` and commit schema.graphql',
      );
    }
    expect(committed.startsWith(SCHEMA_FILE_HEADER)).toBe(true);
  });

  it('is a schema tools can read, with the operations the README names', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['verifyCredential', 'modules', 'me']));
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(expect.arrayContaining(['login', 'recordResult']));
  });
});
