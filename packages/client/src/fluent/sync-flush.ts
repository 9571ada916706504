// The last-resort flush at process 'exit': no more event loop, so a child Node process sends the requests while we wait.
import { spawnSync } from 'node:child_process';

export interface SyncRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** Runs in the child: reads the requests from stdin, sends them in order, reports failures on stderr. */
const SENDER = `
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
let failed = 0;
for (const r of requests) {
  try {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
    if (!res.ok) {
      failed++;
      process.stderr.write('mlflow-ts: ' + r.method + ' ' + r.url + ' failed at exit: ' + res.status + ' ' + (await res.text()) + '\\n');
    }
  } catch (e) {
    failed++;
    process.stderr.write('mlflow-ts: ' + r.method + ' ' + r.url + ' failed at exit: ' + (e && e.cause ? e.cause.message : String(e)) + '\\n');
  }
}
process.exitCode = failed === 0 ? 0 : 1;
`;

/**
 * Sends the requests one after another and blocks until done (at most `timeoutMs`). Returns
 * whether all succeeded; failures are written to stderr by the sender.
 *
 * @example
 * sendSync([{ url: 'http://localhost:5000/api/2.0/mlflow/runs/update', method: 'POST', headers: {}, body: '{}' }]);
 */
export function sendSync(requests: readonly SyncRequest[], timeoutMs = 60_000): boolean {
  if (requests.length === 0) return true;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', SENDER], {
    input: JSON.stringify(requests),
    stdio: ['pipe', 'ignore', 'inherit'],
    timeout: timeoutMs,
  });
  return result.status === 0;
}
