// MySQL/MariaDB through mysql2: MLflow's schema, BINARY comparisons, insert ids, errno error classes.
import { withConnectRetry, type ConnectRetryOptions } from './connect-retry.js';
import mysql from 'mysql2';
import { CompiledQuery, Kysely, MysqlDialect } from 'kysely';
import { readSchemaFile, splitSqlScript } from '../schema/sql-script.js';
import type { ServerLocation } from '../server-uri.js';
import type { MlflowDatabase } from '../sql/tables.js';
import { PyTuple, pyRepr, type PyValue } from '@mlflow-ts/protocol';
import { connectionError } from './connection-error.js';
import type { DbErrorKind, OpenedDatabase, SqlDialect } from './dialect.js';
import { mysqlPoolOptions } from './mysql-config.js';

function errno(error: unknown): number {
  const value = (error as { errno?: unknown } | null)?.errno;
  return typeof value === 'number' ? value : 0;
}

export const mysqlDialect: SqlDialect = {
  displayName: 'MySQL',
  // mysql2's query() inlines values client-side; this only bounds statement size well under max_allowed_packet.
  maxBindParameters: 30_000,
  supportsReturning: false,
  // INSERT IGNORE would also swallow foreign-key and truncation errors; a no-op update skips only duplicates.
  insertIgnore: 'on-duplicate-key-noop',
  upsert: 'on-duplicate-key',
  booleans: 'integer',
  // The default collations ignore case; MLflow pairs each string test with a BINARY one.
  caseSensitiveComparison: 'binary',
  // SQLAlchemy renders ilike() on MySQL as lower(a) LIKE lower(b).
  ilike: 'lower-like',
  beginWrite: 'START TRANSACTION',
  groupCommit: false,
  // REPEATABLE READ (InnoDB's default) from the first statement on.
  beginRead: 'START TRANSACTION WITH CONSISTENT SNAPSHOT',
  lockRowsForWrite: true,
  // A server-wide named lock, so the name carries the database; released explicitly.
  prepareLock: {
    acquire: "SELECT GET_LOCK(CONCAT('mlflow_ts_prepare:', DATABASE()), 60)",
    release: "SELECT RELEASE_LOCK(CONCAT('mlflow_ts_prepare:', DATABASE()))",
  },
  schemaStatements: () => splitSqlScript(readSchemaFile('mysql-3.18.0.sql')),
  // MySQL 8 has no CREATE INDEX IF NOT EXISTS (MariaDB has); an existing index is ER_DUP_KEYNAME instead.
  // Reserved words such as "key" are quoted the standard way in the file; MySQL wants backticks.
  extraIndexStatements: () =>
    splitSqlScript(readSchemaFile('mlflow-ts-indexes.sql')).map((s) =>
      s.replace(/CREATE INDEX IF NOT EXISTS/g, 'CREATE INDEX').replace(/"(\w+)"/g, '`$1`'),
    ),
  classifyError(error: unknown): DbErrorKind | undefined {
    const code = errno(error);
    if (code === 1062) return 'unique-violation';
    if (code === 1452 || code === 1451 || code === 1216 || code === 1217) return 'foreign-key-violation';
    // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT: InnoDB rolled back; run the transaction again.
    if (code === 1213 || code === 1205) return 'retry';
    if (code === 1061) return 'already-exists';
    return undefined;
  },
  integrityErrorText(error: unknown, statement: string, params: readonly unknown[]): string {
    const e = error as { sqlMessage?: string; message?: string } | null;
    const text = e?.sqlMessage ?? e?.message ?? String(error);
    return (
      `(pymysql.err.IntegrityError) (${errno(error)}, ${JSON.stringify(text)})\n` +
      `[SQL: ${statement.replace(/\?/g, '%s')}]\n` +
      `[parameters: ${pyRepr(new PyTuple(params as PyValue[]))}]\n` +
      '(Background on this error at: https://sqlalche.me/e/21/gkpj)'
    );
  },
};

/** A pooled MySQL database; the first connection is made here so a bad URI fails at open. */
export async function openMysql(
  location: ServerLocation,
  retry: ConnectRetryOptions = {},
): Promise<OpenedDatabase & { ignored: string[] }> {
  const { options, ignored } = mysqlPoolOptions(location);
  const pool = mysql.createPool(options);
  try {
    await withConnectRetry(() => pool.promise().query('SELECT 1'), retry);
  } catch (error) {
    await pool
      .promise()
      .end()
      .catch(() => undefined);
    throw connectionError(error, location, mysqlDialect.displayName);
  }
  const db = new Kysely<MlflowDatabase>({
    dialect: new MysqlDialect({
      pool,
      // MLflow inserts experiment 0 explicitly; without this MySQL would hand out the next id instead.
      onCreateConnection: async (connection) => {
        await connection.executeQuery(
          CompiledQuery.raw(
            "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')",
          ),
        );
      },
    }),
  });
  return { db, dialect: mysqlDialect, ignored };
}
