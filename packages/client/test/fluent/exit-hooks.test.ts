// Programs that end without endRun: queued values are written and runs ended on natural end, process.exit() and SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlflowClient } from '../../src/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SCRIPT = fileURLToPath(new URL('./fixtures/exit-script.mts', import.meta.url));

let server: TestServer;
let client: MlflowClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new MlflowClient({ trackingUri: server.url });
});
afterAll(() => server.stop());

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  runId: string;
  stderr: string;
}

function runScript(mode: string, onReady?: (kill: () => void) => void): Promise<Outcome> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, SCRIPT, mode], {
    env: { ...process.env, MLFLOW_TRACKING_URI: server.url },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) onReady?.(() => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ code, signal, runId: out.split('\n')[0] ?? '', stderr: err }),
    ),
  );
}

async function expectAllLogged(runId: string, metrics: number): Promise<string> {
  const run = await client.getRun(runId);
  expect((await client.getMetricHistory(runId, 'm')).length).toBe(metrics);
  expect(run.data.params?.[0]?.key).toBe('mode');
  return run.info.status;
}

describe('exit hooks', () => {
  it('writes the queue and ends the run FINISHED when the program ends by itself', async () => {
    const o = await runScript('natural');
    expect({ code: o.code, stderr: o.stderr }).toEqual({ code: 0, stderr: '' });
    expect(await expectAllLogged(o.runId, 1500)).toBe('FINISHED');
  });

  it('writes the queue synchronously and ends the run FAILED on process.exit(3)', async () => {
    const o = await runScript('exit');
    expect({ code: o.code, stderr: o.stderr }).toEqual({ code: 3, stderr: '' });
    expect(await expectAllLogged(o.runId, 1500)).toBe('FAILED');
  });

  it('writes the queue and ends the run KILLED on SIGTERM, then dies of the signal', async () => {
    const o = await runScript('signal', (kill) => kill());
    expect({ code: o.code, signal: o.signal, stderr: o.stderr }).toEqual({
      code: null,
      signal: 'SIGTERM',
      stderr: '',
    });
    expect(await expectAllLogged(o.runId, 1600)).toBe('KILLED');
  });
});
