// What `mlflow-ts server` loads on start: nothing for S3, PostgreSQL, MySQL, JSON schemas or the data commands
// unless used (idle RSS is bench workload 7; this guards the structure, not a timing).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, waitForListening } from './run-cli.js';

const RECORDER = pathToFileURL(join(import.meta.dirname, 'fixtures/record-modules.mjs')).href;

/** Loaded only by the features that need them; a path containing one of these means it leaked into start-up. */
const NOT_AT_STARTUP = [
  '/node_modules/@aws-sdk/',
  '/node_modules/@smithy/',
  '/node_modules/pg/',
  '/node_modules/pg-cursor/',
  '/node_modules/mysql2/',
  '/ajv/',
  '/node_modules/cli-progress/',
  '/packages/client/',
  '/packages/cli/src/commands/experiments',
  '/packages/cli/src/commands/runs',
  '/packages/cli/src/commands/artifacts',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function modulesLoadedBy(name: string, args: string[]): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  const run = runCli(
    ['server', '--port', '0', '--backend-store-uri', `sqlite:///${join(dir, `${name}.db`)}`, ...args],
    {
      MLFLOW_TS_MODULE_LOG: log,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RECORDER}`,
    },
  );
  try {
    const url = await waitForListening(run);
    // server-info resolves the artifact destination; an S3 one must still not load the SDK.
    const info = await fetch(`${url}/api/3.0/mlflow/server-info`);
    expect(info.status).toBe(200);
  } finally {
    run.child.kill('SIGTERM');
  }
  expect(await run.exited).toEqual({ code: 0, signal: null });
  return readFileSync(log, 'utf8').split('\n');
}

describe('server start-up', () => {
  it.each([
    ['local', ['--default-artifact-root', 'mlruns', '--artifacts-destination', 'mlartifacts']],
    ['s3', ['--artifacts-destination', 's3://bucket/prefix']],
  ])('with %s artifacts loads only what serving SQLite needs', async (name, args) => {
    const loaded = await modulesLoadedBy(name, args);
    // The recorder works: these are what the server does need.
    expect(loaded.some((m) => m.includes('/node_modules/better-sqlite3/'))).toBe(true);
    expect(loaded.some((m) => m.includes('/node_modules/fastify/'))).toBe(true);
    for (const marker of NOT_AT_STARTUP) {
      expect(
        loaded.filter((m) => m.includes(marker)),
        marker,
      ).toEqual([]);
    }
  });
});
