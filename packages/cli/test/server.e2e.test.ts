// `mlflow-ts server` end to end: spawned from source, serving HTTP, stopping on SIGTERM, and failing in one line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runToEnd, waitForListening } from './run-cli.js';

const hasPython = spawnSync('python3', ['-c', 'import sqlite3']).status === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, server };
}

async function createExperiment(url: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/2.0/mlflow/experiments/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { experiment_id: string };
  return body.experiment_id;
}

describe.each([1, 2])('server with %i worker(s)', (workers) => {
  it('serves, creates an experiment, and exits 0 on SIGTERM', async () => {
    const db = `sqlite:///${join(dir, `w${workers}.db`)}`;
    const run = runCli(['server', '--port', '0', '--workers', String(workers), '--backend-store-uri', db]);
    try {
      const url = await waitForListening(run);
      expect(run.stdout()).toMatch(
        new RegExp(`^mlflow-ts \\S+ listening on http://127\\.0\\.0\\.1:\\d+ \\(store: ${db}`),
      );
      const health = await fetch(`${url}/health`);
      expect([health.status, await health.text()]).toEqual([200, 'OK']);
      expect(await createExperiment(url, `e2e-${workers}`)).toMatch(/^\d+$/);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toEqual({ code: 0, signal: null });
    // Several workers without MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY share a made-up key, and say so once.
    expect(run.stderr()).toMatch(
      workers > 1 ? /^Warning: MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY is not set; [^\n]+\n$/ : /^$/,
    );
  });
});

/** One request on a fresh connection, so the cluster's round robin can hand it to another worker. */
function freshRequest(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

it('workers read webhook secrets saved by one another (one key for the run)', async () => {
  const db = `sqlite:///${join(dir, 'webhooks.db')}`;
  const run = runCli(['server', '--port', '0', '--workers', '2', '--backend-store-uri', db], {
    MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: '',
  });
  try {
    const url = await waitForListening(run);
    const created = await freshRequest('POST', `${url}/api/2.0/mlflow/webhooks`, {
      name: 'hook',
      url: 'https://8.8.8.8/hook',
      events: [{ entity: 'REGISTERED_MODEL', action: 'CREATED' }],
      secret: 'shh',
    });
    expect(created.status).toBe(200);
    const id = (JSON.parse(created.text) as { webhook: { webhook_id: string } }).webhook.webhook_id;
    // Reading a webhook opens its secret; a worker with a key of its own answered INTERNAL_ERROR.
    for (let i = 0; i < 8; i += 1) {
      const read = await freshRequest('GET', `${url}/api/2.0/mlflow/webhooks/${id}`);
      expect([read.status, read.text]).toEqual([200, expect.stringContaining('"name":"hook"')]);
    }
  } finally {
    run.child.kill('SIGTERM');
  }
  expect((await run.exited).code).toBe(0);
});

describe('bad input: one line on stderr, non-zero exit', () => {
  it.each<[string, string[], number, RegExp]>([
    [
      'bad port',
      ['--port', 'abc'],
      2,
      /^Error: Invalid value for '--port' \/ '-p': 'abc' is not a valid integer\.$/,
    ],
    [
      'bad static prefix',
      ['--static-prefix', 'mlflow'],
      2,
      /^Error: --static-prefix must begin with a '\/'\.$/,
    ],
    ['unknown option', ['--prot', '1'], 2, /^Error: Unknown option '--prot'/],
    ['bad URI scheme', ['--backend-store-uri', 'foo://x'], 1, /^Error: Invalid database URI 'foo:\/\/x'/],
    ['file store', ['--backend-store-uri', './mlruns'], 1, /^Error: Invalid database URI '\.\/mlruns'/],
    [
      'unreachable database (password never echoed)',
      ['--backend-store-uri', 'postgresql://u:secret@127.0.0.1:1/x'],
      1,
      /^Error: Cannot connect to the PostgreSQL tracking database u@127\.0\.0\.1:1\/x: connection refused/,
    ],
    ['refused option', ['--app-name', 'basic-auth'], 2, /^Error: --app-name is not supported by mlflow-ts/],
  ])('%s', async (_name, args, code, line) => {
    // One attempt: the unreachable-database case would otherwise wait through MLflow's ~100 s of retries.
    const r = await runToEnd(['server', '--port', '0', ...args], { MLFLOW_TS_DB_CONNECT_ATTEMPTS: '1' }, dir);
    expect(r.code).toBe(code);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('a database path that cannot be created', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const r = await runToEnd(['server', '-p', '0', '--backend-store-uri', `sqlite:///${file}/x.db`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: Cannot open the backend store sqlite:\/\/\/\S+: EEXIST: [^\n]+\n$/);
  });

  it.skipIf(!hasPython)('a database written by a newer MLflow', async () => {
    const file = join(dir, 'newer.db');
    execFileSync('python3', [
      '-c',
      'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); ' +
        'c.execute("create table experiments (experiment_id integer)"); ' +
        'c.execute("create table alembic_version (version_num varchar(32))"); ' +
        'c.execute("insert into alembic_version values (\'ffffffffffff\')"); c.commit()',
      file,
    ]);
    const r = await runToEnd(['server', '-p', '0', '--backend-store-uri', `sqlite:///${file}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: [^\n]*ffffffffffff[^\n]*\n$/);
  });

  it.each([1, 2])('port in use (%i worker(s))', async (workers) => {
    const { port, server } = await occupiedPort();
    try {
      const db = `sqlite:///${join(dir, `busy${workers}.db`)}`;
      const r = await runToEnd([
        'server',
        '-p',
        String(port),
        '-w',
        String(workers),
        '--backend-store-uri',
        db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`Error: Cannot listen on 127.0.0.1:${port}: the port is already in use.\n`);
    } finally {
      server.close();
    }
  });
});

describe('global options', () => {
  it('--version prints our version and the MLflow version implemented', async () => {
    const r = await runToEnd(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mlflow-ts \d+\.\d+\.\d+\S* \(MLflow 3\.18\.0 tracking server\)\n$/);
  });

  it('server --help lists MLflow’s options', async () => {
    const r = await runToEnd(['ui', '--help']);
    expect(r.code).toBe(0);
    for (const opt of [
      '--backend-store-uri',
      '-h, --host',
      '-p, --port',
      '-w, --workers',
      '--static-prefix',
      '--x-frame-options',
    ]) {
      expect(r.stdout).toContain(opt);
    }
  });
});
