import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/**
 * What one operation may cost: each field 1, a field with `limit` (or `first`) that many times its
 * selection, any other list of objects DEFAULT_LIST_SIZE times. The learner's page costs about 900,
 * the largest test query a few thousand; 300 aliases of `offerings(limit: 100)` cost 60,300.
 */
export const MAX_QUERY_COST = 10_000;
export const DEFAULT_LIST_SIZE = 10;
/** Fields after fragments are expanded (the standard introspection query has a few hundred). */
export const MAX_QUERY_FIELDS = 2_000;
export const MAX_QUERY_ALIASES = 30;

const tooCostly = (message: string) => new GraphQLError(message, { extensions: { code: QUERY_TOO_COSTLY, http: { status: 400 } } });

const listCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is bounded by the schema and by the depth rule's introspection limits.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const limit = [args.limit, args.first].find((value): value is number => typeof value === 'number');
  if (limit !== undefined) return 1 + Math.max(limit, 1) * childComplexity;
  // A page's `items` are already counted by its parent's `limit`.
  if (field.name === 'items' && type.name.endsWith('Page')) return 1 + childComplexity;
  const listOfObjects = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
  return 1 + (listOfObjects ? DEFAULT_LIST_SIZE : 1) * childComplexity;
};

/**
 * Fields and aliases of the operation, with fragments expanded: each fragment counted once and
 * memoised, so a fragment that spreads another twice, thirty times over, cannot blow up the count.
 */
export function fieldCount(document: DocumentNode, operationName?: string | null): { fields: number; aliases: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName))
      operation ??= definition;
  }
  const memo = new Map<string, { fields: number; aliases: number }>();
  const countIn = (set: SelectionSetNode, visiting: Set<string>): { fields: number; aliases: number } => {
    let fields = 0;
    let aliases = 0;
    for (const selection of set.selections) {
      let inner = { fields: 0, aliases: 0 };
      if (selection.kind === Kind.FIELD) {
        fields += 1;
        if (selection.alias) aliases += 1;
        if (selection.selectionSet) inner = countIn(selection.selectionSet, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = countIn(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visiting.has(name)) {
          inner = memo.get(name) ?? countIn(fragment.selectionSet, new Set(visiting).add(name));
          memo.set(name, inner);
        }
      }
      // Capped so the sums stay finite however the fragments multiply.
      fields = Math.min(fields + inner.fields, Number.MAX_SAFE_INTEGER);
      aliases = Math.min(aliases + inner.aliases, Number.MAX_SAFE_INTEGER);
    }
    return { fields, aliases };
  };
  return operation ? countIn(operation.selectionSet, new Set()) : { fields: 0, aliases: 0 };
}

/**
 * Refuses, before anything runs, an operation with too many fields or aliases or whose cost (see
 * MAX_QUERY_COST) is over `maxCost`. A plugin rather than a validation rule: Apollo would re-code a
 * validation error as GRAPHQL_VALIDATION_FAILED, and the cost needs the variables.
 */
export function queryCostLimit(maxCost = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request }) {
          const { fields, aliases } = fieldCount(document, request.operationName);
          if (fields > MAX_QUERY_FIELDS) throw tooCostly(`The query has ${fields} fields; the most allowed is ${MAX_QUERY_FIELDS}`);
          if (aliases > MAX_QUERY_ALIASES) throw tooCostly(`The query has ${aliases} aliases; the most allowed is ${MAX_QUERY_ALIASES}`);
          // Variables that do not fit their types stop the operation before it runs, with the
          // executor's own BAD_USER_INPUT; the cost of an operation that will not run is moot.
          const operation = document.definitions.find(
            (d): d is OperationDefinitionNode =>
              d.kind === Kind.OPERATION_DEFINITION && (!request.operationName || d.name?.value === request.operationName),
          );
          if (operation && 'errors' in getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}))
            return Promise.resolve();
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables,
              estimators: [listCost],
              maxQueryNodes: MAX_QUERY_FIELDS * 2,
            });
          } catch {
            // Over maxQueryNodes, which the field count should have refused already.
            throw tooCostly('The query is too large');
          }
          if (cost > maxCost) throw tooCostly(`The query would cost ${cost}; the most allowed is ${maxCost}`);
          return Promise.resolve();
        },
      });
    },
  };
}
