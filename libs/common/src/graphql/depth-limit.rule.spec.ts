import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { depthLimit } from './depth-limit.rule';
import { fieldCount } from './query-cost';

const schema = buildSchema('type Node { id: ID child: Node } type Query { node: Node }');
const errorsOf = (query: string, rules = [depthLimit(3)]) => validate(schema, parse(query), rules).map((e) => e.message);

describe('depthLimit', () => {
  it('counts nested data fields, through fragments', () => {
    expect(errorsOf('{ node { child { child { id } } } }')).toEqual([]);
    expect(errorsOf('{ node { child { child { child { id } } } } }')).toEqual(['The query is nested 4 levels deep; the most allowed is 3']);
    expect(errorsOf('{ node { ...A } } fragment A on Node { child { child { child { id } } } }')).toHaveLength(1);
  });

  it('exempts the standard introspection query but bounds crafted ones', () => {
    expect(validate(schema, parse(getIntrospectionQuery()), [...specifiedRules, depthLimit(3)])).toEqual([]);
    expect(errorsOf('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')[0]).toMatch(/introspection/);
  });

  it('exempts the introspection query GraphiQL sends (every option of getIntrospectionQuery)', () => {
    const graphiql = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(validate(schema, parse(graphiql), [...specifiedRules, depthLimit(3)])).toEqual([]);
  });

  it('still measures the data fields beside introspection, directly or through fragments', () => {
    const deep = 'node { child { child { child { id } } } }';
    expect(errorsOf(`{ __schema { types { name } } ${deep} }`)).toEqual(['The query is nested 4 levels deep; the most allowed is 3']);
    expect(errorsOf(`{ __type(name: "Node") { name } ${deep} }`)).toHaveLength(1);
    const viaFragments = `{ ...S ...D } fragment S on Query { __schema { types { name } } } fragment D on Query { ${deep} }`;
    expect(errorsOf(viaFragments)).toEqual(['The query is nested 4 levels deep; the most allowed is 3']);
    // A data fragment spread inside introspection is not a valid query at all.
    const inside = `{ __schema { queryType { ...N } } } fragment N on Node { child { child { child { id } } } }`;
    expect(validate(schema, parse(inside), [...specifiedRules, depthLimit(3)]).length).toBeGreaterThan(0);
  });

  it('answers __schema once per operation, however it is aliased or spread', () => {
    expect(errorsOf('{ a: __schema { types { name } } b: __schema { types { name } } }')).toEqual([
      'The operation asks for __schema 2 times; the most allowed is 1',
    ]);
    expect(
      errorsOf(
        '{ ...S ...S2 } fragment S on Query { __schema { types { name } } } fragment S2 on Query { x: __schema { types { name } } }',
      ),
    ).toHaveLength(1);
    expect(errorsOf('{ a: __type(name: "Node") { name } b: __type(name: "Query") { name } }')).toEqual([]);
  });

  it('measures a fragment that spreads another twice, thirty times over, without expanding it', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ${i === 29 ? 'node { id }' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const document = parse(`{ ...F0 } ${fragments.join(' ')}`);
    expect(validate(schema, document, [depthLimit(3)])).toEqual([]);
    expect(fieldCount(document).fields).toBe(2 ** 29 * 2);
  });
});
