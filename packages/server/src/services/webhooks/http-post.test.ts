// postOnce: the connect-time peer check (MLflow's DNS-rebinding guard) and the timeout errors, on a local server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedPeerError, postOnce } from './http-post.js';
import { TransportError } from './transport-errors.js';

let server: Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/hang') return;
    req.resume();
    req.on('end', () => res.writeHead(201, { 'x-seen': 'yes' }).end('created'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const body = Buffer.from('{}');

describe('postOnce', () => {
  it('returns status, body and headers', async () => {
    const res = await postOnce(new URL(`${base}/ok`), body, {}, { timeoutMs: 2000, allowPrivateIps: true });
    expect({ status: res.status, body: res.body, seen: res.headers['x-seen'] }).toEqual({
      status: 201,
      body: 'created',
      seen: 'yes',
    });
  });

  it('refuses a loopback peer before sending anything when private addresses are not allowed', async () => {
    const before = hits;
    const attempt = postOnce(new URL(`${base}/ok`), body, {}, { timeoutMs: 2000, allowPrivateIps: false });
    await expect(attempt).rejects.toBeInstanceOf(BlockedPeerError);
    await expect(attempt).rejects.toThrow(
      'Webhook connection blocked: 127.0.0.1 is not a public IP address. This may indicate a DNS rebinding attempt.',
    );
    expect(hits).toBe(before);
  });

  it('reports a read timeout as urllib3 words it', async () => {
    const url = new URL(`${base}/hang`);
    const attempt = postOnce(url, body, {}, { timeoutMs: 300, allowPrivateIps: true });
    await expect(attempt).rejects.toBeInstanceOf(TransportError);
    await expect(attempt).rejects.toThrow(
      `_SSRFProtectedHTTPConnectionPool(host='127.0.0.1', port=${url.port}): Read timed out. (read timeout=0.3)`,
    );
  });
});
