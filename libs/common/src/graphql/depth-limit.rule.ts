import { ASTNode, FragmentDefinitionNode, GraphQLError, Kind, ValidationContext, ValidationRule } from 'graphql';

// The introspection fields that return lists: nesting them multiplies the answer by the schema size.
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

/**
 * How deep introspection may go: graphql's own getIntrospectionQuery() nests `ofType` nine levels
 * deep (about 14 in all) and lists three deep (types → fields → args). Its answer is bounded by the
 * schema, so it is exempt from the depth limit; these bounds keep a crafted one cheap.
 */
export const MAX_INTROSPECTION_DEPTH = 20;
export const MAX_INTROSPECTION_LISTS = 3;

interface Shape {
  depth: number;
  lists: number;
}

const isIntrospection = (name: string) => name.startsWith('__') && name !== '__typename';

/** Refuses operations nested deeper than `maxDepth` fields (fragments followed, cycles cut). */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    let introspection: Shape = { depth: 0, lists: 0 };

    /** Depth below `node`; inside introspection, `lists` counts the list fields on the way down. */
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>, lists: number | null): number => {
      switch (node.kind) {
        case Kind.FIELD: {
          if (lists === null && isIntrospection(node.name.value)) {
            depthOf(node, 1, seen, 0);
            return depth - 1; // adds nothing to the depth of the data fields around it
          }
          const inLists = lists === null ? null : lists + (INTROSPECTION_LISTS.has(node.name.value) ? 1 : 0);
          if (inLists !== null)
            introspection = { depth: Math.max(introspection.depth, depth), lists: Math.max(introspection.lists, inLists) };
          if (!node.selectionSet) return depth;
          return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth + 1, seen, inLists)));
        }
        case Kind.INLINE_FRAGMENT:
        case Kind.OPERATION_DEFINITION:
          return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth, seen, lists)));
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(node.name.value);
          if (!fragment || seen.has(fragment.name.value)) return depth;
          const next = new Set(seen).add(fragment.name.value);
          return Math.max(depth, ...fragment.selectionSet.selections.map((s) => depthOf(s, depth, next, lists)));
        }
        default:
          return depth;
      }
    };
    return {
      OperationDefinition(operation) {
        introspection = { depth: 0, lists: 0 };
        const depth = depthOf(operation, 0, new Set(), null);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested ${depth} levels deep; the most allowed is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
        if (introspection.depth > MAX_INTROSPECTION_DEPTH || introspection.lists > MAX_INTROSPECTION_LISTS) {
          context.reportError(
            new GraphQLError(
              `The introspection is nested ${introspection.depth} levels deep with ${introspection.lists} nested lists; ` +
                `the most allowed is ${MAX_INTROSPECTION_DEPTH} levels and ${MAX_INTROSPECTION_LISTS} lists`,
              { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            ),
          );
        }
      },
    };
  };
}
