import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { Json, TestServer } from './test-server';

export type OperationKind = 'query' | 'mutation';

export interface Operation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every Query and Mutation field of the live schema, read by introspection. */
export async function liveOperations(server: TestServer): Promise<Operation[]> {
  const { data, errors } = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
  if (!data) throw new Error(JSON.stringify(errors));
  const schema: GraphQLSchema = buildClientSchema(data);
  const of = (kind: OperationKind, fields: Record<string, GraphQLField<unknown, unknown>>) =>
    Object.values(fields).map((field) => ({ kind, name: field.name, field }));
  return [...of('query', schema.getQueryType()?.getFields() ?? {}), ...of('mutation', schema.getMutationType()?.getFields() ?? {})];
}

const SCALARS: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'probe',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  DateTime: () => '2030-01-01T00:00:00.000Z',
  JSON: () => ({}),
};

/** A value GraphQL accepts for the type: required input fields only, so the call reaches the server's own checks. */
export function probeValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return probeValue(type.ofType);
  if (isListType(type)) return [probeValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) return (SCALARS[type.name] ?? (() => 'probe'))();
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, probeValue(f.type)]),
    );
  }
  return null;
}

/** Required arguments with probe values; one item per page, so the cost limit lets the call through. */
export function probeArgs(operation: Operation): Record<string, unknown> {
  const required = operation.field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const values: Record<string, unknown> = Object.fromEntries(required.map((a) => [a.name, probeValue(a.type)]));
  if (operation.field.args.some((a) => a.name === 'limit')) values.limit = 1;
  return values;
}

/** `mutation($a: T!) { op(a: $a) { __typename } }`, with the arguments given, and the least selection. */
export function documentFor(operation: Operation, variables: Record<string, unknown>): string {
  const args = operation.field.args.filter((a) => a.name in variables);
  const definitions = args.length > 0 ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
  const call = args.length > 0 ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(operation.field.type)) ? '' : ' { __typename }';
  return `${operation.kind}${definitions} { ${operation.name}${call}${selection} }`;
}

/** A digest of every table but the sign-in throttle, to show that refused calls wrote nothing. */
export async function databaseDigest(server: TestServer): Promise<Record<string, string>> {
  const { rows } = await server.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('auth_throttle', 'migrations')
      ORDER BY table_name`,
  );
  const digest: Record<string, string> = {};
  for (const { table_name: table } of rows) {
    const { rows: d } = await server.db.query<Json>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
    );
    digest[table] = `${d[0].n}:${d[0].h}`;
  }
  return digest;
}
