import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLID,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { CommonErrorCode } from '../domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every `ID` the schema takes is a uuid column; a value that is not one can only be a mistake. */
function badIdIn(value: unknown, type: GraphQLInputType, field: string): string | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return badIdIn(value, nullable.ofType, field);
    for (const item of value) {
      const bad = badIdIn(item, nullable.ofType, field);
      if (bad) return bad;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    for (const [name, definition] of Object.entries(nullable.getFields())) {
      const bad = badIdIn((value as Record<string, unknown>)[name], definition.type, `${field}.${name}`);
      if (bad) return bad;
    }
    return null;
  }
  if (getNamedType(nullable) === GraphQLID) return typeof value === 'string' && UUID.test(value) ? null : field;
  return null;
}

/** The first `ID` argument (or input field, as `input.enrolmentId`) of the operation that is not a UUID. */
export function firstNonUuidId(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string | null {
  const typeInfo = new TypeInfo(schema);
  let found: string | null = null;
  let inOperation = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          // Only the operation that runs; others in the document are never executed.
          inOperation = !operationName || node.name?.value === operationName;
        },
      },
      // Fragments are checked wherever they are defined: harmless, and it keeps this one pass.
      FragmentDefinition: {
        enter() {
          inOperation = true;
        },
      },
      Argument(node) {
        if (found || !inOperation) return;
        const argument = typeInfo.getArgument();
        if (!argument || node.value.kind === Kind.NULL) return;
        const value = valueFromAST(node.value, argument.type, variables ?? {});
        found = badIdIn(value, argument.type, node.name.value);
      },
    }),
  );
  return found;
}

/**
 * Refuses an operation whose `ID` arguments are not UUIDs before any resolver runs, so no SQL sees
 * them (PostgreSQL would answer 22P02 and the client a server error).
 */
export const uuidIdArguments: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, request }) {
        const field = firstNonUuidId(schema, document, request.operationName, request.variables);
        if (field) {
          throw new GraphQLError(`${field} must be a UUID`, {
            extensions: { code: CommonErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
          });
        }
        return Promise.resolve();
      },
    });
  },
};
