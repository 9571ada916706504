// W1's floor: the same metric rows written straight through better-sqlite3 (no HTTP, no store) on MLflow's schema.
//
// `npx tsx bench/sqlite-floor.ts [--batches 64,1000] [--per-tx 1,8] [--reps 3] [--preload 500000] [--variants a,b]`
//
// Each variant × batch count × batches-per-transaction gets a fresh database file opened by the store's own
// openSqlite (so the same pragmas as the server) with MLflow 3.18.0's schema and our extra indexes, fresh runs
// made up front (untimed), then timed 1000-row log-batch bodies (10 keys × 100 steps, timestamps t0 + step as
// W1's) inserted with the store's statement shape: metrics rows with ON CONFLICT DO NOTHING in 100-row
// statements, then the 10 latest_metrics upserts, without a savepoint (as the store's group commit when no write
// fails). Repetitions interleave the variants, so a noisy neighbour hits all of them alike; medians are printed,
// with rows per second of wall time and per second of this process's CPU time (what a dedicated core would do).
// FLOOR_DIR picks the directory of the database files (default: the OS temp directory).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { openSqlite, sqliteDialect } from '../packages/store/src/dialects/sqlite.js';
import { sqliteHandleOf } from '../packages/store/src/dialects/sqlite-handle.js';

const KEYS = 10;
const STEPS = 100;
const COLUMNS = ['key', 'value', 'timestamp', 'run_uuid', 'step', 'is_nan'] as const;

/** A knob set on top of the store's own pragmas and statement shape; `a+b` on the command line combines knobs. */
interface Variant {
  name: string;
  pragmas: string[];
  /** Rows per multi-row INSERT (the remainder goes one row at a time). */
  rowsPerStatement: number;
  /** Sort each batch by metric_pk's column order before inserting. */
  sortByPk: boolean;
  /** Insert each batch in reverse (descending metric_pk) order. */
  reverse: boolean;
  /**
   * Give each batch its own time span (t0 + batch × steps + step), as runs logging at different moments
   * would, instead of W1's shared t0 + step: shows how much of the cost is the shared-timestamp scatter.
   */
  ownTimestamps: boolean;
  /** Wrap each batch in a SAVEPOINT, as the store's group commit did before it ran writes optimistically. */
  savepoint: boolean;
}

type Knob = Partial<Omit<Variant, 'name'>>;

const KNOBS: Record<string, Knob> = {
  store: {},
  mmap: { pragmas: ['mmap_size = 268435456'] },
  cache32: { pragmas: ['cache_size = -32768'] },
  cache2: { pragmas: ['cache_size = -2000'] },
  sorted: { sortByPk: true },
  reversed: { reverse: true },
  row1: { rowsPerStatement: 1 },
  row250: { rowsPerStatement: 250 },
  row500: { rowsPerStatement: 500 },
  row1000: { rowsPerStatement: 1000 },
  // The store keeps temporary files (savepoint sub-journals) in memory; this is SQLite's default.
  tempfile: { pragmas: ['temp_store = DEFAULT'] },
  sp: { savepoint: true },
  owntime: { ownTimestamps: true },
  nockpt: { pragmas: ['wal_autocheckpoint = 0'] },
  ckpt1k: { pragmas: ['wal_autocheckpoint = 1000'] },
  syncoff: { pragmas: ['synchronous = OFF'] },
  // Not allowed in the store (MLflow turns foreign keys on); only to show what the checks cost.
  nofk: { pragmas: ['foreign_keys = OFF'] },
};

function variantOf(spec: string): Variant {
  const variant: Variant = {
    name: spec,
    pragmas: [],
    rowsPerStatement: 100,
    sortByPk: false,
    reverse: false,
    savepoint: false,
    ownTimestamps: false,
  };
  for (const part of spec.split('+')) {
    const knob = KNOBS[part];
    if (!knob) throw new Error(`unknown knob ${part}; known: ${Object.keys(KNOBS).join(', ')}`);
    const { pragmas, ...rest } = knob;
    Object.assign(variant, rest);
    variant.pragmas.push(...(pragmas ?? []));
  }
  return variant;
}

type Row = [string, number, number, string, number, number];

function batchRows(runId: string, t0: number, reverse: boolean): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < KEYS; k++)
    for (let s = 0; s < STEPS; s++) rows.push([`metric_${k}`, Math.random(), t0 + s, runId, s, 0]);
  return reverse ? rows.reverse() : rows;
}

function comparePk(a: Row, b: Row): number {
  // metric_pk: (key, timestamp, step, run_uuid, value, is_nan)
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[2] - b[2] || a[4] - b[4] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0) || a[1] - b[1];
}

function insertText(rowCount: number): string {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  return (
    `INSERT INTO "metrics" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ` +
    `${Array<string>(rowCount).fill(tuple).join(', ')} ON CONFLICT DO NOTHING`
  );
}

function createSchema(handle: Database.Database): void {
  for (const statement of [...sqliteDialect.schemaStatements(), ...sqliteDialect.extraIndexStatements()])
    handle.exec(statement);
  handle
    .prepare(
      `INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
       VALUES (3, 'floor', 'mlflow-artifacts:/3', 'active', 0, 0)`,
    )
    .run();
}

function createRuns(handle: Database.Database, count: number): string[] {
  const insert = handle.prepare(
    `INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time,
       source_version, lifecycle_stage, artifact_uri, experiment_id)
     VALUES (?, ?, 'UNKNOWN', '', '', 'bench', 'RUNNING', ?, '', 'active', ?, 3)`,
  );
  const ids = Array.from({ length: count }, () => randomUUID().replaceAll('-', ''));
  handle.transaction(() => {
    for (const id of ids) insert.run(id, `run-${id.slice(0, 6)}`, Date.now(), `mlflow-artifacts:/3/${id}`);
  })();
  return ids;
}

/** Rows shaped like the bench seed's (20 search metrics on many runs plus two long histories). */
function preload(handle: Database.Database, rows: number): void {
  if (rows <= 0) return;
  const [historyRun] = createRuns(handle, 1);
  const runs = createRuns(handle, Math.ceil((rows * 0.4) / 20));
  const insert = handle.prepare(insertText(1));
  const now = Date.now() - 10_000_000;
  handle.transaction(() => {
    runs.forEach((id, r) => {
      for (let m = 0; m < 20; m++) insert.run(`m${m}`, Math.random(), now + r, id, 0, 0);
    });
    const long = rows - runs.length * 20;
    for (let s = 0; s < long; s++)
      insert.run(s % 2 ? 'bulk' : 'hist', Math.random(), now + s, historyRun, s, 0);
  })();
}

interface Sample {
  variant: string;
  batches: number;
  perTx: number;
  rowsPerSec: number;
  msPerBatch: number;
  /** Rows per second of this process's own CPU time (user + system): what a dedicated core would do. */
  rowsPerCpuSec: number;
  cpuMsPerBatch: number;
}

function measure(variant: Variant, batches: number, perTx: number, preloadRows: number): Sample {
  const dir = mkdtempSync(join(process.env.FLOOR_DIR ?? tmpdir(), 'sqlite-floor-'));
  try {
    const { db } = openSqlite(join(dir, 'floor.db'));
    const handle = sqliteHandleOf(db);
    if (!handle) throw new Error('openSqlite gave no better-sqlite3 handle');
    createSchema(handle);
    preload(handle, preloadRows);
    for (const pragma of variant.pragmas) handle.pragma(pragma);
    const runIds = createRuns(handle, batches);
    const t0 = Date.now();
    const bodies = runIds.map((id, i) =>
      batchRows(id, variant.ownTimestamps ? t0 + i * STEPS : t0, variant.reverse),
    );
    const many = handle.prepare(insertText(variant.rowsPerStatement));
    const one = handle.prepare(insertText(1));
    const latestRead = handle.prepare(
      'SELECT step, timestamp, value FROM latest_metrics WHERE "key" = ? AND run_uuid = ?',
    );
    const latestWrite = handle.prepare(
      `INSERT INTO latest_metrics ("key", value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("key", run_uuid) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp,
       step = excluded.step, is_nan = excluded.is_nan`,
    );
    const runRead = handle.prepare('SELECT * FROM runs WHERE run_uuid = ?');
    const begin = handle.prepare('BEGIN IMMEDIATE');
    const commit = handle.prepare('COMMIT');
    const savepoint = handle.prepare('SAVEPOINT mlflow_ts_write');
    const release = handle.prepare('RELEASE mlflow_ts_write');
    const per = variant.rowsPerStatement;
    const values: unknown[] = new Array(per * COLUMNS.length);

    const writeBatch = (rows: Row[]): void => {
      if (variant.savepoint) savepoint.run();
      runRead.get(rows[0]?.[3]);
      if (variant.sortByPk) rows.sort(comparePk);
      const full = rows.length - (rows.length % per);
      for (let start = 0; start < full; start += per) {
        let i = 0;
        for (let r = start; r < start + per; r++) for (const cell of rows[r] as Row) values[i++] = cell;
        many.run(values);
      }
      for (let r = full; r < rows.length; r++) one.run(rows[r]);
      for (let k = 0; k < KEYS; k++) {
        const last = rows.find((row) => row[0] === `metric_${k}` && row[4] === STEPS - 1) as Row;
        latestRead.get(last[0], last[3]);
        latestWrite.run(last[0], last[1], last[2], last[4], 0, last[3]);
      }
      if (variant.savepoint) release.run();
    };

    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let b = 0; b < batches; b += perTx) {
      begin.run();
      for (let i = b; i < Math.min(batches, b + perTx); i++) writeBatch(bodies[i] as Row[]);
      commit.run();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const count = (
      handle.prepare("SELECT count(*) AS n FROM metrics WHERE key LIKE 'metric_%'").get() as { n: number }
    ).n;
    if (count !== batches * KEYS * STEPS)
      throw new Error(`expected ${batches * KEYS * STEPS} rows, found ${count}`);
    handle.close();
    return {
      variant: variant.name,
      batches,
      perTx,
      rowsPerSec: (batches * KEYS * STEPS) / seconds,
      msPerBatch: (seconds * 1000) / batches,
      rowsPerCpuSec: (batches * KEYS * STEPS) / cpuSeconds,
      cpuMsPerBatch: (cpuSeconds * 1000) / batches,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      batches: { type: 'string', default: '64,1000' },
      'per-tx': { type: 'string', default: '1,8' },
      reps: { type: 'string', default: '3' },
      preload: { type: 'string', default: '0' },
      variants: { type: 'string', default: 'store' },
    },
  });
  const batchCounts = values.batches.split(',').map(Number);
  const perTxs = values['per-tx'].split(',').map(Number);
  const reps = Number(values.reps);
  const preloadRows = Number(values.preload);
  const variants = values.variants.split(',').map(variantOf);
  const samples: Sample[] = [];
  for (let rep = 1; rep <= reps; rep++)
    for (const batches of batchCounts)
      for (const perTx of perTxs)
        for (const variant of variants) {
          const sample = measure(variant, batches, perTx, preloadRows);
          samples.push(sample);
          console.error(
            `rep ${rep} ${variant.name} ${batches} batches × ${perTx}/tx: ` +
              `${Math.round(sample.rowsPerSec).toLocaleString('en')} rows/s (${sample.msPerBatch.toFixed(2)} ms/batch), ` +
              `${Math.round(sample.rowsPerCpuSec).toLocaleString('en')} rows/CPU-s (${sample.cpuMsPerBatch.toFixed(2)} CPU ms/batch)`,
          );
        }
  console.log(`\nmedians of ${reps} (preload ${preloadRows} rows):`);
  console.log('variant                     batches  per-tx     rows/s   ms/batch  rows/CPU-s  CPU ms/batch');
  for (const batches of batchCounts)
    for (const perTx of perTxs)
      for (const variant of variants) {
        const mine = samples.filter(
          (s) => s.variant === variant.name && s.batches === batches && s.perTx === perTx,
        );
        const rate = median(mine.map((s) => s.rowsPerSec));
        const ms = median(mine.map((s) => s.msPerBatch));
        const cpuRate = median(mine.map((s) => s.rowsPerCpuSec));
        const cpuMs = median(mine.map((s) => s.cpuMsPerBatch));
        console.log(
          `${variant.name.padEnd(28)}${String(batches).padStart(7)}${String(perTx).padStart(8)}` +
            `${Math.round(rate).toLocaleString('en').padStart(11)}${ms.toFixed(2).padStart(11)}` +
            `${Math.round(cpuRate).toLocaleString('en').padStart(12)}${cpuMs.toFixed(2).padStart(14)}`,
        );
      }
}

main();
