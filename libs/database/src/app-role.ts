import { Client } from 'pg';
import { APP_ROLE, EmbeddedCredentials, SUPERUSER } from './embedded-credentials';

/**
 * What the server may do in the embedded cluster, set up by the superuser at every open: a login
 * role that is not a superuser and cannot create roles or databases, owning the app's database
 * and everything in it, and nothing else. It cannot read pg_authid, run programs
 * (`COPY ... TO PROGRAM`), read or write server files, or reach another database's data.
 * Our migrations need no extension and no superuser: plpgsql is built in, and the database's
 * owner may create the `pgboss` schema.
 */
export async function provisionAppRole(
  adminUrl: string,
  credentials: EmbeddedCredentials,
  database: string,
  notice: (line: string) => void,
): Promise<string> {
  const password = credentials.readOrCreate(APP_ROLE);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = admin.escapeIdentifier(APP_ROLE);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`;
    const { rowCount: roleExists } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    // Set every time: the file is the truth, and the attributes cannot drift.
    await admin.query(`${roleExists ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes}`);
    if (!roleExists)
      notice(`Created the database role ${APP_ROLE} (no superuser); its password is in ${credentials.fileOf(APP_ROLE)} (0600).`);

    const { rows } = await admin.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [
      database,
    ]);
    const quotedDb = admin.escapeIdentifier(database);
    if (rows.length === 0) await admin.query(`CREATE DATABASE ${quotedDb} OWNER ${role}`);
    else if (rows[0].owner !== APP_ROLE) await admin.query(`ALTER DATABASE ${quotedDb} OWNER TO ${role}`);

    const { rows: strangers } = await admin.query<{ rolname: string }>(
      `SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> ALL($1) ORDER BY rolname`,
      [[SUPERUSER, APP_ROLE]],
    );
    if (strangers.length > 0)
      notice(
        `The embedded PostgreSQL has roles MAGIX did not create: ${strangers.map((r) => r.rolname).join(', ')}. ` +
          `If nobody here made them, they may come from the password older builds shared: drop them.`,
      );
  } finally {
    await admin.end();
  }

  const inDatabase = new Client({ connectionString: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString() });
  await inDatabase.connect();
  try {
    const { rows } = await inDatabase.query<{ n: number }>(SUPERUSER_OWNED);
    if (rows[0].n > 0) {
      await inDatabase.query(HAND_OVER);
      notice(`Handed ${rows[0].n} database objects that ${SUPERUSER} owned in ${database} to ${APP_ROLE}.`);
    }
  } finally {
    await inDatabase.end();
  }
  return password;
}

/**
 * Members of an extension stay as the extension made them: a trusted extension that the app role
 * installs (TypeORM adds uuid-ossp) has its functions owned by the bootstrap superuser by design.
 */
const notInExtension = (alias: string, catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${alias}.oid AND d.deptype = 'e')`;

/**
 * Databases made by older builds belong to the superuser, table by table. REASSIGN OWNED cannot
 * move the bootstrap superuser's objects, so each schema, relation, routine and type outside the
 * system schemas is given to the app role; indexes and owned sequences follow their table.
 */
const HAND_OVER = `
  DO $$
  DECLARE
    r record;
    su oid := '${SUPERUSER}'::regrole;
  BEGIN
    FOR r IN SELECT n.nspname FROM pg_namespace n WHERE n.nspowner = su AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' LOOP
      EXECUTE format('ALTER SCHEMA %I OWNER TO ${APP_ROLE}', r.nspname);
    END LOOP;
    FOR r IN
      SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relowner = su AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${notInExtension('c', 'pg_class')}
    LOOP
      EXECUTE format('ALTER %s %s OWNER TO ${APP_ROLE}',
        CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
    END LOOP;
    FOR r IN
      SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relowner = su AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND c.relkind = 'S' AND ${notInExtension('c', 'pg_class')}
    LOOP
      EXECUTE format('ALTER SEQUENCE %s OWNER TO ${APP_ROLE}', r.name);
    END LOOP;
    FOR r IN
      SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.proowner = su AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND ${notInExtension('p', 'pg_proc')}
    LOOP
      EXECUTE format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', r.name);
    END LOOP;
    FOR r IN
      SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typowner = su AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
        AND t.typelem = 0 AND ${notInExtension('t', 'pg_type')} AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
    LOOP
      EXECUTE format('ALTER %s %s OWNER TO ${APP_ROLE}', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name);
    END LOOP;
  END $$
`;

const OUTSIDE_SYSTEM = `nspname !~ '^pg_' AND nspname <> 'information_schema'`;
const SUPERUSER_OWNED = `
  SELECT ((SELECT count(*) FROM pg_namespace WHERE nspowner = '${SUPERUSER}'::regrole AND ${OUTSIDE_SYSTEM})
       + (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relowner = '${SUPERUSER}'::regrole AND ${OUTSIDE_SYSTEM} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${notInExtension('c', 'pg_class')})
       + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proowner = '${SUPERUSER}'::regrole AND ${OUTSIDE_SYSTEM} AND ${notInExtension('p', 'pg_proc')})
       + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE t.typowner = '${SUPERUSER}'::regrole AND ${OUTSIDE_SYSTEM} AND t.typelem = 0 AND ${notInExtension('t', 'pg_type')} AND t.typtype IN ('e', 'd', 'r', 'm')))::int
       AS n
`;
