// What really differs between the SQL databases under the tracking store, as named capabilities.
import type { Kysely } from 'kysely';
import type { MlflowDatabase } from '../sql/tables.js';

/** Database failures the store turns into MLflow errors. */
export type DbErrorKind =
  | 'unique-violation'
  | 'foreign-key-violation'
  /** SQLite's lock wait ran out: surfaced as TEMPORARILY_UNAVAILABLE. */
  | 'busy'
  /** Deadlock or serialization failure: the server rolled back and the transaction may be run again. */
  | 'retry'
  /** CREATE of an index (or other object) that is already there. */
  | 'already-exists';

/**
 * One SQL database flavour. Shared store code reads these flags and never asks which database
 * it is talking to; a new backend is a new file implementing this interface.
 */
export interface SqlDialect {
  /** For messages and logs only; never branch on it. */
  readonly displayName: string;
  /** Most bound parameters one statement may carry; multi-row writes are chunked below it. */
  readonly maxBindParameters: number;
  /** `INSERT … RETURNING` works; otherwise the driver's insert id is used. */
  readonly supportsReturning: boolean;
  /**
   * How to insert rows while skipping exact primary-key duplicates (`on-duplicate-key-noop`:
   * MySQL's `ON DUPLICATE KEY UPDATE k = k`, which unlike INSERT IGNORE still fails on
   * foreign keys).
   */
  readonly insertIgnore: 'on-conflict-do-nothing' | 'insert-ignore' | 'on-duplicate-key-noop';
  /** How to insert-or-update on a primary key. */
  readonly upsert: 'on-conflict' | 'on-duplicate-key';
  /** Boolean columns hold 0/1 (`integer`) or real booleans (`native`). */
  readonly booleans: 'integer' | 'native';
  /**
   * `=` and `LIKE` are already case-sensitive (`native`), or the column must be compared as
   * binary to make them so (MySQL's case-insensitive collations).
   */
  readonly caseSensitiveComparison: 'native' | 'binary';
  /** ILIKE exists (`native`) or is spelled `lower(a) LIKE lower(b)` as SQLAlchemy does. */
  readonly ilike: 'native' | 'lower-like';
  /** Statement opening a write transaction (SQLite takes the write lock up front). */
  readonly beginWrite: string;
  /**
   * Write transactions that queue up behind each other are committed together (each inside its
   * own savepoint, so a failing one still writes nothing and fails alone). Worth it where there is
   * a single writer connection and a commit is costly next to the work (SQLite's WAL append).
   */
  readonly groupCommit: boolean;
  /** Statement opening a read transaction, for consistent multi-query reads. */
  readonly beginRead: string;
  /**
   * Writers lock the run row (`SELECT … FOR UPDATE`) before touching its data, so concurrent
   * writes to one run queue instead of deadlocking on index gaps (MLflow issue #4353). SQLite
   * needs none: BEGIN IMMEDIATE already serializes writers.
   */
  readonly lockRowsForWrite: boolean;
  /**
   * Statements around preparing a database, so two processes opening the same new database do
   * not both create the schema: SQLite's BEGIN IMMEDIATE is enough; servers take a named lock
   * (MySQL's DDL commits implicitly, so its transaction alone would not do).
   */
  readonly prepareLock?: { acquire: string; release?: string };
  /**
   * A query giving one row `{ stamp }` that changes whenever this connection or any other one has
   * committed a change, so expensive reads (bulk-interval sampling) can be reused while the
   * database is unchanged. Absent: nothing is reused.
   */
  readonly changeStamp?: string;
  /** The statements of MLflow 3.18.0's schema for this database, in order. */
  schemaStatements(): string[];
  /**
   * Our own extra indexes (`mlflow_ts_*`), each created only when missing: `IF NOT EXISTS`
   * where the database has it, otherwise the 'already-exists' error is ignored.
   */
  extraIndexStatements(): string[];
  /** Names the failure kind of a driver error, or undefined when it is something else. */
  classifyError(error: unknown): DbErrorKind | undefined;
  /**
   * The text SQLAlchemy (and so MLflow) gives an integrity error on this driver, for messages
   * MLflow builds from it: the driver's message, the statement MLflow issued and its parameters.
   */
  integrityErrorText(error: unknown, statement: string, params: readonly unknown[]): string;
}

/** An open database: the Kysely handle plus the dialect describing it. */
export interface OpenedDatabase {
  db: Kysely<MlflowDatabase>;
  dialect: SqlDialect;
}
