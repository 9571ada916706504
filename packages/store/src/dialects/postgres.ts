// PostgreSQL through node-postgres: MLflow's schema, native booleans/ILIKE, SQLSTATE error classes.
import { markArrayParameters } from './array-parameters.js';
import { withConnectRetry, type ConnectRetryOptions } from './connect-retry.js';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Kysely, PostgresDialect } from 'kysely';
import { readSchemaFile, splitSqlScript } from '../schema/sql-script.js';
import type { ServerLocation } from '../server-uri.js';
import type { MlflowDatabase } from '../sql/tables.js';
import { PyTuple, pyRepr, type PyValue } from '@mlflow-ts/protocol';
import { connectionError } from './connection-error.js';
import type { DbErrorKind, OpenedDatabase, SqlDialect } from './dialect.js';
import { postgresPoolConfig } from './postgres-config.js';

function sqlState(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** psycopg2's exception class names for the SQLSTATEs MLflow's messages show. */
const PSYCOPG_CLASS: Readonly<Record<string, string>> = {
  '23505': 'UniqueViolation',
  '23503': 'ForeignKeyViolation',
  '23502': 'NotNullViolation',
};

export const postgresDialect: SqlDialect = {
  displayName: 'PostgreSQL',
  // The wire protocol counts bind parameters in 16 bits.
  maxBindParameters: 65_000,
  supportsReturning: true,
  insertIgnore: 'on-conflict-do-nothing',
  upsert: 'on-conflict',
  booleans: 'native',
  caseSensitiveComparison: 'native',
  ilike: 'native',
  // MLflow keeps PostgreSQL's default READ COMMITTED; writers that must not interleave lock the run row.
  beginWrite: 'BEGIN',
  groupCommit: false,
  // One snapshot for every query of a multi-query read.
  beginRead: 'BEGIN ISOLATION LEVEL REPEATABLE READ',
  lockRowsForWrite: true,
  // The read transaction's own MVCC snapshot (xmin:xmax:in-progress ids): two reads with the same
  // snapshot see the same rows, and any commit since moves xmax. Read-only transactions take no
  // transaction id, so chart polling alone keeps it still; a write anywhere in the cluster moves
  // it (a miss, never a stale hit). As the first statement of a REPEATABLE READ transaction it is
  // exactly the snapshot the following queries use.
  changeStamp: 'SELECT pg_current_snapshot()::text AS stamp',
  // Held until the transaction ends; the key is arbitrary but fixed.
  prepareLock: { acquire: 'SELECT pg_advisory_xact_lock(7286420431)' },
  schemaStatements: () => splitSqlScript(readSchemaFile('postgresql-3.18.0.sql')),
  extraIndexStatements: () => splitSqlScript(readSchemaFile('mlflow-ts-indexes.sql')),
  classifyError(error: unknown): DbErrorKind | undefined {
    const state = sqlState(error);
    if (state === '23505') return 'unique-violation';
    if (state === '23503') return 'foreign-key-violation';
    // deadlock_detected, serialization_failure: the transaction can simply be run again.
    if (state === '40P01' || state === '40001') return 'retry';
    return undefined;
  },
  integrityErrorText(error: unknown, statement: string, params: readonly unknown[]): string {
    const e = error as { message?: string; detail?: string } | null;
    const name = PSYCOPG_CLASS[sqlState(error)] ?? 'IntegrityError';
    const detail = e?.detail ? `\nDETAIL:  ${e.detail}\n` : '\n';
    return (
      `(psycopg2.errors.${name}) ${e?.message ?? String(error)}${detail}\n` +
      `[SQL: ${statement.replace(/\?/g, '%s')}]\n` +
      `[parameters: ${pyRepr(new PyTuple(params as PyValue[]))}]\n` +
      '(Background on this error at: https://sqlalche.me/e/21/gkpj)'
    );
  },
};

/** A pooled PostgreSQL database; the first connection is made here so a bad URI fails at open. */
export async function openPostgres(
  location: ServerLocation,
  retry: ConnectRetryOptions = {},
): Promise<OpenedDatabase & { ignored: string[] }> {
  const { config, ignored } = postgresPoolConfig(location);
  const pool = new pg.Pool(config);
  // An idle pooled connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  try {
    await withConnectRetry(async () => {
      const client = await pool.connect();
      client.release();
    }, retry);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionError(error, location, postgresDialect.displayName);
  }
  // The cursor lets Kysely stream a query (a whole metric history) in chunks instead of buffering it.
  const db = new Kysely<MlflowDatabase>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  markArrayParameters(db);
  return { db, dialect: postgresDialect, ignored };
}
