import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

// The introspection fields that return lists: nesting them multiplies the answer by the schema size.
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

/**
 * How deep introspection may go: graphql's own getIntrospectionQuery() nests `ofType` nine levels
 * deep (about 14 in all) and lists three deep (types → fields → args). Its answer is bounded by the
 * schema, so it is exempt from the depth limit; these bounds keep a crafted one cheap.
 */
export const MAX_INTROSPECTION_DEPTH = 20;
export const MAX_INTROSPECTION_LISTS = 3;
/** `__schema` answers the whole schema: aliased many times over, one small query would answer it again and again. */
export const MAX_SCHEMA_INTROSPECTIONS = 1;

/**
 * Depths below a selection set, relative to it: data fields, and introspection (levels and nested
 * lists); and how many `__schema` fields it holds, summed (each is answered).
 */
interface Shape {
  depth: number;
  lists: number;
  introspectionDepth: number;
  introspectionLists: number;
  schemas: number;
}

const FLAT: Shape = { depth: 0, lists: 0, introspectionDepth: 0, introspectionLists: 0, schemas: 0 };
const isIntrospection = (name: string) => name.startsWith('__') && name !== '__typename';

const widest = (shapes: Shape[]): Shape =>
  shapes.reduce(
    (a, b) => ({
      depth: Math.max(a.depth, b.depth),
      lists: Math.max(a.lists, b.lists),
      introspectionDepth: Math.max(a.introspectionDepth, b.introspectionDepth),
      introspectionLists: Math.max(a.introspectionLists, b.introspectionLists),
      schemas: a.schemas + b.schemas,
    }),
    FLAT,
  );

/**
 * Refuses operations nested deeper than `maxDepth` fields. Fragments are followed and measured once
 * each (memoised, cycles cut), so a fragment spreading another twice, thirty times over, costs
 * thirty measurements rather than 2^30.
 */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const memo = new Map<string, Shape>();

    /** In 'data' mode `depth` counts data fields; in 'introspection' mode it counts levels and `lists` list fields. */
    const measure = (set: SelectionSetNode, mode: 'data' | 'introspection', seen: Set<string>): Shape =>
      widest(
        set.selections.map((selection): Shape => {
          if (selection.kind === Kind.INLINE_FRAGMENT) return measure(selection.selectionSet, mode, seen);
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const name = selection.name.value;
            const fragment = fragments.get(name);
            if (!fragment || seen.has(name)) return FLAT;
            const key = `${mode}:${name}`;
            const shape = memo.get(key) ?? measure(fragment.selectionSet, mode, new Set(seen).add(name));
            memo.set(key, shape);
            return shape;
          }
          const name = selection.name.value;
          if (mode === 'data' && isIntrospection(name)) {
            const inner = selection.selectionSet ? measure(selection.selectionSet, 'introspection', seen) : FLAT;
            // Adds nothing to the depth of the data fields around it. Below it only introspection
            // types exist (__Schema, __Type, …: the schema cannot put a data field there), so
            // nothing deep can hide inside it; its own levels and lists are bounded instead.
            return { ...FLAT, introspectionDepth: 1 + inner.depth, introspectionLists: inner.lists, schemas: name === '__schema' ? 1 : 0 };
          }
          const inner = selection.selectionSet ? measure(selection.selectionSet, mode, seen) : null;
          if (mode === 'introspection') {
            return { ...FLAT, depth: 1 + (inner?.depth ?? 0), lists: (INTROSPECTION_LISTS.has(name) ? 1 : 0) + (inner?.lists ?? 0) };
          }
          return inner ? { ...inner, depth: 1 + inner.depth } : FLAT;
        }),
      );

    return {
      OperationDefinition(operation) {
        const shape = measure(operation.selectionSet, 'data', new Set());
        if (shape.depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested ${shape.depth} levels deep; the most allowed is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
        if (shape.schemas > MAX_SCHEMA_INTROSPECTIONS) {
          context.reportError(
            new GraphQLError(`The operation asks for __schema ${shape.schemas} times; the most allowed is ${MAX_SCHEMA_INTROSPECTIONS}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
        if (shape.introspectionDepth > MAX_INTROSPECTION_DEPTH || shape.introspectionLists > MAX_INTROSPECTION_LISTS) {
          context.reportError(
            new GraphQLError(
              `The introspection is nested ${shape.introspectionDepth} levels deep with ${shape.introspectionLists} nested lists; ` +
                `the most allowed is ${MAX_INTROSPECTION_DEPTH} levels and ${MAX_INTROSPECTION_LISTS} lists`,
              { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            ),
          );
        }
      },
    };
  };
}
