// `mlflow-ts db upgrade` end to end: a database of MLflow 2.9.2 migrated step by step with one line per step,
// the up-to-date and empty cases, and every mistake or refusal as one line with its exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oldMlflowAvailable,
  oldMlflowNotice,
  seedWithOldMlflow,
} from '../../store/test/support/old-mlflow.js';
import {
  connect,
  createDatabase,
  dialectSelected,
  dropDatabase,
  storeUri,
  unreachable,
  unreachableNotice,
  type ServerDialect,
} from '../../store/test/support/server-databases.js';
import { runToEnd } from './run-cli.js';

const HEAD = 'f4a9b2c7d1e6';
const OLDEST = 'acf3f17fdcc7';
/** Steps from MLflow 2.9's revision to the head. */
const expectedSteps = 47;
const STEP_LINE = /^Success {6}[0-9a-f]{12,13} {2}\S.* \(\d+ ms\)$/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-db-upgrade-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each failure is exactly one `Error: …` line on stderr, never a stack trace. */
function oneErrorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  return lines[0] ?? '';
}

function expectFullUpgrade(stdout: string): void {
  const lines = stdout.trimEnd().split('\n');
  const summary = lines.pop();
  expect(lines).toHaveLength(expectedSteps);
  for (const line of lines) expect(line).toMatch(STEP_LINE);
  expect(lines[0]).toMatch(/^Success {6}867495a8f9d4 {2}/);
  expect(summary).toBe(`Upgraded from revision ${OLDEST} to ${HEAD}: ${expectedSteps} steps.`);
}

describe('db upgrade: command-line mistakes and refusals', () => {
  it('needs the URL argument (usage error, exit 2)', async () => {
    const r = await runToEnd(['db', 'upgrade']);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr)).toBe("Error: Missing required argument 'url'");
  });

  it('refuses an unknown database scheme in one line (exit 1)', async () => {
    const r = await runToEnd(['db', 'upgrade', 'oracle://db']);
    expect(r.code).toBe(1);
    expect(oneErrorLine(r.stderr)).toBe(
      "Error: Invalid database URI 'oracle://db': unknown database 'oracle'. Supported: sqlite, postgresql, mysql.",
    );
  });

  it('creates the whole schema in an empty database, then finds it up to date', async () => {
    const uri = `sqlite:///${join(dir, 'empty.db')}`;
    const first = await runToEnd(['db', 'upgrade', uri]);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toBe(
      `Created MLflow 3.18.0's schema in the empty database (alembic revision ${HEAD}).\n`,
    );
    const again = await runToEnd(['db', 'upgrade', uri]);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toBe(
      `Database is up to date (alembic revision ${HEAD}, MLflow 3.18.0); nothing to do.\n`,
    );
  });

  it('refuses a revision it does not know, changing nothing (exit 1)', async () => {
    const file = join(dir, 'future.db');
    await runToEnd(['db', 'upgrade', `sqlite:///${file}`]);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.prepare("UPDATE alembic_version SET version_num = 'abcdef012345'").run();
    db.close();
    const r = await runToEnd(['db', 'upgrade', `sqlite:///${file}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r.stderr)).toMatch(
      /^Error: The database is at alembic revision abcdef012345, which mlflow-ts does not know/,
    );
  });
});

describe.skipIf(!oldMlflowAvailable)('db upgrade of databases written by MLflow 2.9.2', () => {
  it('migrates a SQLite database one step per line, and a second run finds it up to date', async () => {
    const uri = `sqlite:///${join(dir, 'v292.db')}`;
    await seedWithOldMlflow('2.9.2', uri, join(dir, 'artifacts'));
    const r = await runToEnd(['db', 'upgrade', uri]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expectFullUpgrade(r.stdout);
    expect((await runToEnd(['db', 'upgrade', uri])).stdout).toMatch(/^Database is up to date/);
  }, 120_000);

  it('lets two upgrades of one SQLite file run at once: each step runs once, in one process or the other', async () => {
    const uri = `sqlite:///${join(dir, 'twice.db')}`;
    await seedWithOldMlflow('2.9.2', uri, join(dir, 'artifacts'));
    const runs = await Promise.all([runToEnd(['db', 'upgrade', uri]), runToEnd(['db', 'upgrade', uri])]);
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    // Each step ran exactly once, in one process or the other, and each says where the database ended.
    const successes = runs.flatMap((r) => r.stdout.split('\n').filter((l) => l.startsWith('Success ')));
    expect(successes).toHaveLength(expectedSteps);
    for (const r of runs) {
      expect(r.stdout.trimEnd().split('\n').pop()).toMatch(
        new RegExp(
          `^(Upgraded from revision [0-9a-f]+ to ${HEAD}: \\d+ steps(, \\d+ applied meanwhile by another process)?\\.|Database is up to date.*)$`,
        ),
      );
    }
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 'twice.db'), { readonly: true });
    expect(db.prepare('SELECT version_num FROM alembic_version').all()).toEqual([{ version_num: HEAD }]);
    db.close();
  }, 120_000);

  it('reports a failing step as Error, the rest as NotExecuted, and the state left behind (exit 1)', async () => {
    const file = join(dir, 'broken.db');
    await seedWithOldMlflow('2.9.2', `sqlite:///${file}`, join(dir, 'artifacts'));
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.exec('CREATE TABLE trace_tags (x INTEGER)');
    db.close();
    const r = await runToEnd(['db', 'upgrade', `sqlite:///${file}`]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Error {8}867495a8f9d4 {2}trace_info, trace_tags and trace_request_metadata tables \(\d+ ms\)$/,
    );
    expect(lines.slice(1).every((l) => /^NotExecuted {2}[0-9a-f]{12,13} {2}\S/.test(l))).toBe(true);
    expect(oneErrorLine(r.stderr)).toBe(
      'Error: Step 867495a8f9d4 (trace_info, trace_tags and trace_request_metadata tables) failed: ' +
        'table trace_tags already exists. The failed step was rolled back: the database is at revision ' +
        `${OLDEST}, with every earlier step applied and committed; run the upgrade again once the cause is fixed.`,
    );
  }, 120_000);

  for (const dialect of ['postgres', 'mysql'] as const satisfies readonly ServerDialect[]) {
    it(`accepts ${dialect}'s SQLAlchemy URIs with a driver suffix`, async (context) => {
      const notice = dialectSelected(dialect) ? await unreachable(dialect) : 'deselected';
      if (notice) {
        if (notice !== 'deselected') unreachableNotice(`${dialect} db upgrade: ${notice}`);
        context.skip();
        return;
      }
      const database = await createDatabase(dialect, 'cli_upgrade');
      try {
        const driver = dialect === 'postgres' ? 'psycopg2' : 'pymysql';
        const uri = storeUri(dialect, database).replace('://', `+${driver}://`);
        await seedWithOldMlflow('2.9.2', uri, join(dir, 'artifacts'));
        const r = await runToEnd(['db', 'upgrade', uri]);
        expect([r.code, r.stderr]).toEqual([0, '']);
        expectFullUpgrade(r.stdout);
        const client = await connect(dialect, database);
        expect(await client.query('SELECT version_num FROM alembic_version')).toEqual([
          { version_num: HEAD },
        ]);
        await client.close();
      } finally {
        await dropDatabase(dialect, database);
      }
    }, 180_000);
  }
});
if (!oldMlflowAvailable) {
  const notice = oldMlflowNotice('db upgrade of older MLflow databases');
  it.skip(notice, () => undefined);
}
