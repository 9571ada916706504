// Committed writes reach the database file through the worker's checkpoints, and close leaves no WAL behind.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { inWriteTransaction, type StoreContext } from '../sql/context.js';
import { openSqlite } from './sqlite.js';
import { sqliteHandleOf } from './sqlite-handle.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openTemp(): { ctx: StoreContext; file: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wal-checkpointer-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const { db, dialect } = openSqlite(file);
  sqliteHandleOf(db)?.exec('CREATE TABLE points (n INTEGER PRIMARY KEY)');
  return { ctx: { db, dialect, artifactRoot: dir, now: () => Date.now() }, file, dir };
}

/** Rows in the main database file alone, read from a copy without its WAL. */
function rowsInFileAlone(file: string, dir: string): number {
  const copy = path.join(dir, 'file-alone.sqlite');
  copyFileSync(file, copy);
  const reader = new Database(copy, { readonly: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

const insert = (ctx: StoreContext, n: number) =>
  inWriteTransaction(ctx, (tx) => sql`INSERT INTO points (n) VALUES (${n})`.execute(tx));

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file while the connection stays open', async () => {
    const { ctx, file, dir } = openTemp();
    // A handful of commits is far below the main connection's own autocheckpoint (8192 pages),
    // so rows found in the file alone were put there by the worker.
    for (let n = 1; n <= 5; n++) {
      await insert(ctx, n);
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await expect.poll(() => rowsInFileAlone(file, dir), { timeout: 5_000, interval: 50 }).toBe(5);
    await ctx.db.destroy();
  });

  it('closing folds the WAL into the file and removes it, promptly', async () => {
    const { ctx, file } = openTemp();
    for (let n = 1; n <= 50; n++) await insert(ctx, n);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const started = performance.now();
    await ctx.db.destroy();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n).toBe(50);
    reader.close();
  });
});
