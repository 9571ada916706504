// Process handling of `server` with a stand-in app: cluster workers, signals, startup failures, crash loops.
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, runToEnd, waitForListening } from './run-cli.js';

const FAKE_MAIN = fileURLToPath(new URL('./fixtures/fake-runtime-main.ts', import.meta.url));

/** One request on a fresh connection, so the cluster's round robin can pick another worker. */
function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('cluster', () => {
  it('spreads requests over the workers and stops them all on SIGTERM', async () => {
    const run = runCli(['server', '-p', '0', '-w', '3'], {}, undefined, FAKE_MAIN);
    try {
      const url = await waitForListening(run);
      expect(run.stdout()).toMatch(
        /\(store: sqlite:\/\/\/mlflow\.db, artifacts: \.\/mlartifacts, 3 workers\)\n$/,
      );
      const pids = new Set<string>();
      for (let i = 0; i < 12; i += 1) pids.add(await getText(`${url}/pid`));
      expect(pids.size).toBeGreaterThan(1);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stderr()).toMatch(/^Warning: MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY is not set; [^\n]+\n$/);
  });

  it('gives every worker one webhook secret key: the one set, or one made up for the run', async () => {
    const keysOf = async (env: NodeJS.ProcessEnv) => {
      const run = runCli(['server', '-p', '0', '-w', '3'], env, undefined, FAKE_MAIN);
      const pids = new Set<string>();
      const keys = new Set<string>();
      try {
        const url = await waitForListening(run);
        for (let i = 0; i < 12; i += 1) {
          pids.add(await getText(`${url}/pid`));
          keys.add(await getText(`${url}/webhook-key`));
        }
      } finally {
        run.child.kill('SIGTERM');
      }
      await run.exited;
      expect(pids.size).toBeGreaterThan(1);
      return { keys: [...keys], stderr: run.stderr() };
    };
    const madeUp = await keysOf({ MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: '' });
    expect(madeUp.keys).toHaveLength(1);
    expect(madeUp.keys[0]).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(madeUp.stderr).toBe(
      'Warning: MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY is not set; the 3 workers share a key made up for this ' +
        'run, so webhook secrets saved now cannot be read after a restart. Set it to keep them.\n',
    );
    const key = 'x'.repeat(43) + '=';
    const set = await keysOf({ MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: key });
    expect(set.keys).toEqual([key]);
    expect(set.stderr).toBe('');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('a single process exits 0 on %s', async (signal) => {
    const run = runCli(['server', '-p', '0'], {}, undefined, FAKE_MAIN);
    await waitForListening(run);
    run.child.kill(signal);
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it.each([1, 3])('a store failure at startup is one line (%i workers)', async (workers) => {
    const r = await runToEnd(
      ['server', '-p', '0', '-w', String(workers)],
      { FAKE_FAIL: 'store' },
      undefined,
      FAKE_MAIN,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: Cannot open the fake store at sqlite:///mlflow.db.\n');
    expect(r.stdout).toBe('');
  });

  it('restarts a worker that dies after startup, loudly, and gives up on a crash loop', async () => {
    const r = await runToEnd(
      ['server', '-p', '0', '-w', '2'],
      // With the key set, stderr holds only the lines about the workers.
      { FAKE_FAIL: 'crash-after-ready', MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: `${'k'.repeat(43)}=` },
      undefined,
      FAKE_MAIN,
    );
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Warning: worker \d+ exited \(code 3\); starting a replacement\.$/);
    expect(lines.at(-1)).toBe('Error: workers keep exiting (last: code 3); stopping the server.');
  });

  it('passes the resolved configuration to the app', async () => {
    const run = runCli(
      ['server', '-p', '0', '--static-prefix', '/ml', '--x-frame-options', 'deny', '--no-serve-artifacts'],
      { MLFLOW_SERVER_ALLOWED_HOSTS: 'a.com,b.com' },
      undefined,
      FAKE_MAIN,
    );
    try {
      const url = await waitForListening(run);
      expect(JSON.parse(await getText(`${url}/config`))).toMatchObject({
        staticPrefix: '/ml',
        serveArtifacts: false,
        defaultArtifactRoot: './mlruns',
        security: { enabled: true, allowedHosts: ['a.com', 'b.com'], xFrameOptions: 'DENY' },
      });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect((await run.exited).code).toBe(0);
  });
});
