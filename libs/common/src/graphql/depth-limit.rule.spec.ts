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
