// Throwaway PostgreSQL/MySQL databases for tests: an env filter, reachability, create/reset/drop by name.
import mysql from 'mysql2/promise';
import { describe, it } from 'vitest';
import pg from 'pg';

export type ServerDialect = 'postgres' | 'mysql';

/** Admin connections (any database on the server will do); override per machine. */
const ADMIN: Readonly<Record<ServerDialect, string>> = {
  postgres: process.env.MLFLOW_TS_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  mysql: process.env.MLFLOW_TS_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/mysql',
};

/** `MLFLOW_TS_TEST_DIALECTS=sqlite,postgres` runs only those backends; unset runs all. */
export function dialectSelected(name: string): boolean {
  const list = process.env.MLFLOW_TS_TEST_DIALECTS;
  if (!list) return true;
  return list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .includes(name);
}

/** A statement runner on the admin connection or on one test database. */
export interface SqlClient {
  query(text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function connect(dialect: ServerDialect, database?: string): Promise<SqlClient> {
  const url = database ? withDatabase(ADMIN[dialect], database) : ADMIN[dialect];
  if (dialect === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      query: async (t) => (await client.query(t)).rows as Record<string, unknown>[],
      close: () => client.end(),
    };
  }
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  return {
    query: async (t) => (await conn.query(t))[0] as Record<string, unknown>[],
    close: () => conn.end(),
  };
}

/** The URI MLflow users would write for `database` on the test server. */
export function storeUri(dialect: ServerDialect, database: string): string {
  return withDatabase(ADMIN[dialect], database);
}

/** Undefined when the server answers; otherwise why not (one line). */
export async function unreachable(dialect: ServerDialect): Promise<string | undefined> {
  try {
    const client = await connect(dialect);
    await client.close();
    return undefined;
  } catch (error) {
    return `${dialect} at ${ADMIN[dialect]} unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Locally an unreachable server prints one loud line and the file skips; in CI (CI=true) it is
 * a failure, so a broken database service can never silently drop a backend from the run.
 */
export function unreachableNotice(notice: string): void {
  if (process.env.CI === 'true') throw new Error(notice);
  console.warn(`\n!!!! SKIPPED ${notice} !!!!\n`);
}

/** Keeps a file with no runnable backend from failing as "no test suite found". */
export function describeSkipped(what: string): void {
  describe.skip(what, () => it('needs its database server', () => undefined));
}

/**
 * Declares a server dialect's tests (`body`) when the dialect is selected and its server answers;
 * otherwise one skipped block, with the notice of an unreachable server.
 */
export async function describeOnServer(
  dialect: ServerDialect,
  what: string,
  body: () => void,
): Promise<void> {
  const notice = dialectSelected(dialect) ? await unreachable(dialect) : 'deselected';
  if (notice) {
    describeSkipped(`${dialect} ${what}`);
    if (notice !== 'deselected') unreachableNotice(`${dialect} ${what}: ${notice}`);
    return;
  }
  body();
}

const DRIVER: Readonly<Record<ServerDialect, string>> = { postgres: 'psycopg2', mysql: 'pymysql' };

/** `uri` as MLflow's SQLAlchemy needs it for the test server: with the Python driver named. */
export function sqlalchemyUri(dialect: ServerDialect, uri: string): string {
  return uri.replace('://', `+${DRIVER[dialect]}://`);
}

let counter = 0;

/** A unique database name for this process and file; created empty. */
export async function createDatabase(dialect: ServerDialect, prefix: string): Promise<string> {
  const name = `mlflow_ts_${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = await connect(dialect);
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  return name;
}

export async function dropDatabase(dialect: ServerDialect, name: string): Promise<void> {
  const admin = await connect(dialect);
  try {
    const force = dialect === 'postgres' ? ' WITH (FORCE)' : '';
    await admin.query(`DROP DATABASE IF EXISTS ${name}${force}`);
  } finally {
    await admin.close();
  }
}
