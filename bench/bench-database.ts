// The database both servers run on: seeded once with MLflow's own schema, then one identical copy per server start.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MLFLOW_BIN } from './paths.js';
import { SEED_COLUMNS, generateSeed, type SeedChunk, type SeedInfo, type SeedTable } from './seed-rows.js';
import type { Size } from './sizes.js';

export interface BenchDatabase {
  /** Creates the seed with `mlflow db upgrade` (MLflow 3.18.0's own migrations) and fills it. */
  seed(size: Size): Promise<SeedInfo>;
  /**
   * A fresh copy of the seed (or of an earlier copy, `from` its label) for one server start; returns its
   * --backend-store-uri.
   */
  copy(label: string, from?: string): Promise<string>;
  /** Removes every copy and the seed. */
  dispose(): Promise<void>;
  /** Where the seed lives, for the log line. */
  describe(): string;
}

const TABLE_ORDER = Object.keys(SEED_COLUMNS) as SeedTable[];

/** SQLite: the seed is a file in the scratch directory, copies are file copies. */
export function sqliteBenchDatabase(workDir: string): BenchDatabase {
  const seedPath = join(workDir, 'seed.db');
  return {
    describe: () => seedPath,
    seed: async (size) => {
      execFileSync(MLFLOW_BIN, ['db', 'upgrade', `sqlite:///${seedPath}`], { stdio: 'pipe' });
      const db = new Database(seedPath);
      // A throw-away file: no journal, no fsync while seeding.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      const inserts = Object.fromEntries(
        TABLE_ORDER.map((t) => {
          const cols = SEED_COLUMNS[t];
          return [
            t,
            db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
          ];
        }),
      ) as Record<SeedTable, Database.Statement>;
      const writeChunk = db.transaction((chunk: SeedChunk) => {
        for (const t of TABLE_ORDER) for (const row of chunk[t]) inserts[t].run(...row);
      });
      try {
        return await generateSeed(size, (chunk) => writeChunk(chunk));
      } finally {
        db.close();
      }
    },
    copy: async (label, from) => {
      const source = from === undefined ? seedPath : join(workDir, `${from}.db`);
      const path = join(workDir, `${label}.db`);
      copyFileSync(source, path);
      // A source a server has closed is checkpointed, but copy a left-over WAL too, so nothing is lost.
      if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${path}-wal`);
      return `sqlite:///${path}`;
    },
    dispose: async () => undefined, // the scratch directory goes as a whole
  };
}

/** Rows per multi-row INSERT: 6 columns × 5,000 stays far under PostgreSQL's 65,535 bind parameters. */
const PG_ROWS_PER_INSERT = 5_000;

/**
 * PostgreSQL: the seed is a database on the server at `rootUri`; copies are `CREATE DATABASE … TEMPLATE seed`,
 * which PostgreSQL does file-level, in seconds even for millions of rows.
 */
export function postgresBenchDatabase(rootUri: string): BenchDatabase {
  const prefix = `mlflow_ts_bench_${randomBytes(4).toString('hex')}`;
  const seedName = `${prefix}_seed`;
  const created: string[] = [];
  const base = rootUri.replace(/^postgresql(\+psycopg2)?:\/\//, '').replace(/\/$/, '');
  // psycopg2 for MLflow (SQLAlchemy 2.1 would pick psycopg 3 for a bare postgresql://); we accept both forms.
  const uriOf = (db: string): string => `postgresql+psycopg2://${base}/${db}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> => {
    const client = new pg.Client({ connectionString: `postgresql://${base}/${db}` });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    describe: () => `${uriOf(seedName)}`,
    seed: async (size) => {
      await admin((c) => c.query(`CREATE DATABASE ${seedName}`));
      created.push(seedName);
      execFileSync(MLFLOW_BIN, ['db', 'upgrade', uriOf(seedName)], { stdio: 'pipe' });
      return admin(async (c) => {
        const info = await generateSeed(size, async (chunk) => {
          await c.query('BEGIN');
          for (const t of TABLE_ORDER) {
            const cols = SEED_COLUMNS[t];
            const rows = chunk[t];
            for (let i = 0; i < rows.length; i += PG_ROWS_PER_INSERT) {
              const part = rows.slice(i, i + PG_ROWS_PER_INSERT);
              const values: (string | number)[] = [];
              const tuples = part.map((row) => {
                const start = values.length;
                values.push(...row);
                return `(${row.map((_, j) => `$${start + j + 1}`).join(',')})`;
              });
              // Parameter types follow the target columns; is_nan's 0/1 are valid boolean input.
              const sql = `INSERT INTO ${t} (${cols.join(', ')}) VALUES ${tuples.join(',')}`;
              await c.query(sql, values);
            }
          }
          await c.query('COMMIT');
        });
        // Experiments were inserted with explicit ids: move the sequence past them for create-experiment.
        await c.query(
          "SELECT setval(pg_get_serial_sequence('experiments', 'experiment_id'), (SELECT max(experiment_id) FROM experiments))",
        );
        await c.query('ANALYZE');
        return info;
      }, seedName);
    },
    copy: async (label, from) => {
      const nameOf = (l: string): string => `${prefix}_${l.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
      const name = nameOf(label);
      const template = from === undefined ? seedName : nameOf(from);
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      created.push(name);
      return uriOf(name);
    },
    dispose: async () => {
      await admin(async (c) => {
        for (const name of created.reverse()) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
