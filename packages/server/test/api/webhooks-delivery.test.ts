// Webhook delivery against a real local receiver: headers, signature, payload, retries, and never blocking the caller.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fernet } from '../../src/services/webhooks/fernet.js';
import { WebhooksService } from '../../src/services/webhooks/webhooks-service.js';
import { webhookSettingsFromEnv } from '../../src/services/webhooks/webhook-settings.js';
import { get, post, startTestApp, type TestApp } from '../support/test-app.js';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let received: Received[] = [];
const hits = new Map<string, number>();
let receiver: Server;
let base: string;
let t: TestApp;
let logs: string[] = [];
let service: WebhooksService;

/** /ok answers 200; /flaky 500 then 200; /fail always 500; /hang never answers. */
function startReceiver(): Promise<void> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      if (path === '/hang') return;
      const status = path === '/fail' || (path === '/flaky' && n === 1) ? 500 : 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`received ${n}`);
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  vi.stubEnv('MLFLOW_WEBHOOK_ALLOWED_SCHEMES', 'http,https');
  vi.stubEnv('MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS', 'true');
  vi.stubEnv('MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY', KEY);
  vi.stubEnv('MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES', '1');
  vi.stubEnv('MLFLOW_WEBHOOK_REQUEST_TIMEOUT', '1');
  vi.stubEnv('MLFLOW_WEBHOOK_CACHE_TTL', '0');
  await startReceiver();
  t = await startTestApp();
  // The sink the registry service is given, over the same database and key.
  service = new WebhooksService(t.store, webhookSettingsFromEnv(), (m) => logs.push(m));
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
  vi.unstubAllEnvs();
});

async function createHook(path: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(t.app, '/webhooks', {
    name: `hook${path.replace(/\W/g, '-')}`,
    url: `${base}${path}`,
    events: [{ entity: 'REGISTERED_MODEL', action: 'CREATED' }],
    ...extra,
  });
  expect(res.status).toBe(200);
  return (res.json as { webhook: { webhook_id: string } }).webhook.webhook_id;
}

/** Forgets what the receiver saw and deletes every webhook, so each test has only its own. */
async function reset(): Promise<void> {
  for (const w of (await t.store.webhooks.listWebhooks({ maxResults: 1000 })).items)
    await t.store.webhooks.deleteWebhook(w.webhookId);
  received = [];
  logs = [];
  hits.clear();
}

const sign = (secret: string, id: string, ts: string, body: string) =>
  `v1,${createHmac('sha256', secret).update(`${id}.${ts}.${body}`).digest('base64')}`;

describe('test delivery', () => {
  it('posts the example payload of the first event with MLflow headers and a verifiable signature', async () => {
    await reset();
    const id = await createHook('/ok', {
      secret: 'top-secret',
      events: [
        { entity: 'PROMPT_TAG', action: 'SET' },
        { entity: 'MODEL_VERSION', action: 'CREATED' },
      ],
    });
    const res = await post(t.app, `/webhooks/${id}/test`, {});
    expect(res.json).toEqual({
      result: { success: true, response_status: 200, response_body: 'received 1' },
    });
    expect(received).toHaveLength(1);
    const [hit] = received as [Received];
    const deliveryId = String(hit.headers['x-mlflow-delivery-id']);
    const timestamp = String(hit.headers['x-mlflow-timestamp']);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(deliveryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(hit.headers['x-mlflow-signature']).toBe(sign('top-secret', deliveryId, timestamp, hit.body));
    // Python's json.dumps layout, events in key order (model_version before prompt_tag)
    expect(hit.body).toMatch(
      /^\{"entity": "model_version", "action": "created", "timestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00", "data": \{"name": "example_model", "version": "1", "source": "models:\/123", "run_id": "abcd1234abcd5678", "tags": \{"example_key": "example_value"\}, "description": "An example model version"\}\}$/,
    );
  });

  it('tests another event when asked, and sends no signature without a secret', async () => {
    await reset();
    const id = await createHook('/ok');
    const res = await post(t.app, `/webhooks/${id}/test`, {
      event: { entity: 'PROMPT_ALIAS', action: 'DELETED' },
    });
    expect(res.json).toMatchObject({ result: { success: true } });
    expect(received[0]?.headers['x-mlflow-signature']).toBeUndefined();
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      entity: 'prompt_alias',
      action: 'deleted',
      data: { name: 'example_prompt', alias: 'example_alias' },
    });
  });

  it('retries a 500 with the same delivery id, and reports the last status', async () => {
    await reset();
    const id = await createHook('/fail');
    const res = await post(t.app, `/webhooks/${id}/test`, {});
    expect(res.json).toEqual({
      result: { success: false, response_status: 500, response_body: 'received 2' },
    });
    expect(received).toHaveLength(2);
    expect(received[1]?.headers['x-mlflow-delivery-id']).toBe(received[0]?.headers['x-mlflow-delivery-id']);
  });

  it('reports a refused connection as the error message', async () => {
    await reset();
    const id = await createHook('/x', { url: 'http://127.0.0.1:1/x' });
    const res = await post(t.app, `/webhooks/${id}/test`, {});
    const result = (res.json as { result: { success: boolean; error_message: string } }).result;
    expect(result.success).toBe(false);
    // the repr MLflow's own server answers for the same refused connection
    expect(result.error_message).toBe(
      `Failed to test webhook: ConnectionError(MaxRetryError('_SSRFProtectedHTTPConnectionPool(host=\\'127.0.0.1\\', port=1): Max retries exceeded with url: /x (Caused by NewConnectionError("_SSRFProtectedHTTPConnection(host=\\'127.0.0.1\\', port=1): Failed to establish a new connection: [Errno 111] Connection refused"))'))`,
    );
  });
});

describe('event delivery', () => {
  it('delivers to active subscribers only, retrying after a 500', async () => {
    await reset();
    await createHook('/flaky', { secret: 's1' });
    await createHook('/ok', { status: 'DISABLED' });
    await createHook('/ok', {
      name: 'other-event',
      events: [{ entity: 'MODEL_VERSION', action: 'CREATED' }],
    });
    const payload = { name: 'm1', tags: { k: 'v' }, description: null };
    service.emit({ entity: 'registered_model', action: 'created', payload });
    await service.settled();
    expect(received.map((r) => r.path)).toEqual(['/flaky', '/flaky']);
    const [first, second] = received as [Received, Received];
    expect(second.headers['x-mlflow-delivery-id']).toBe(first.headers['x-mlflow-delivery-id']);
    expect(second.body).toBe(first.body);
    const body = JSON.parse(first.body) as Record<string, unknown>;
    expect(body).toMatchObject({ entity: 'registered_model', action: 'created', data: payload });
    expect(first.body).toContain('"data": {"name": "m1", "tags": {"k": "v"}, "description": null}');
    const ts = String(first.headers['x-mlflow-timestamp']);
    expect(first.headers['x-mlflow-signature']).toBe(
      sign('s1', String(first.headers['x-mlflow-delivery-id']), ts, first.body),
    );
    expect(logs).toEqual([]);
  });

  it('returns at once while a receiver hangs; the request path stays fast; the failure is logged', async () => {
    await reset();
    await createHook('/hang', { events: [{ entity: 'MODEL_VERSION_TAG', action: 'SET' }] });
    const started = performance.now();
    service.emit({
      entity: 'model_version_tag',
      action: 'set',
      payload: { name: 'm', version: '1', key: 'k', value: 'v' },
    });
    expect(performance.now() - started).toBeLessThan(50);
    const requestStart = performance.now();
    expect((await get(t.app, '/webhooks')).status).toBe(200);
    expect(performance.now() - requestStart).toBeLessThan(800);
    await service.settled();
    // one attempt plus one retry, each cut by the 1 s timeout
    expect(hits.get('/hang')).toBe(2);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^Failed to send webhook to http:\/\/127\.0\.0\.1:\d+\/hang for event model_version_tag\.set: /,
    );
  });
});

describe('event delivery with an unreadable secret', () => {
  it('delivers to none of the subscribers and logs, as MLflow fails loading the list', async () => {
    await reset();
    await createHook('/ok', { events: [{ entity: 'PROMPT_ALIAS', action: 'CREATED' }] });
    await t.store.webhooks.createWebhook({
      name: 'foreign-key',
      url: `${base}/ok`,
      events: [{ entity: 'prompt_alias', action: 'created' }],
      description: null,
      secret: new Fernet(Fernet.generateKey()).encrypt('other'),
      status: 'ACTIVE',
    });
    service.emit({
      entity: 'prompt_alias',
      action: 'created',
      payload: { name: 'p', alias: 'a', version: '1' },
    });
    await service.settled();
    expect(received).toEqual([]);
    expect(logs).toEqual(['Failed to deliver webhook for event prompt_alias.created: ']);
  });
});

describe('registry events through the app', () => {
  async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  it('delivers registered_model.created with the request payload', async () => {
    await reset();
    await createHook('/ok', { secret: 'rm-secret' });
    const res = await post(t.app, '/registered-models/create', {
      name: 'delivered-model',
      tags: [{ key: 'team', value: 'a' }],
      description: 'd',
    });
    expect(res.status).toBe(200);
    await waitFor(() => received.length > 0);
    const [hit] = received as [Received];
    expect(hit.body).toContain(
      '"data": {"name": "delivered-model", "tags": {"team": "a"}, "description": "d"}',
    );
    const ts = String(hit.headers['x-mlflow-timestamp']);
    expect(hit.headers['x-mlflow-signature']).toBe(
      sign('rm-secret', String(hit.headers['x-mlflow-delivery-id']), ts, hit.body),
    );
  });

  it('answers the registry request at once while the receiver hangs', async () => {
    await reset();
    await createHook('/hang');
    const started = performance.now();
    const res = await post(t.app, '/registered-models/create', { name: 'slow-receiver-model' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(800);
    // let both attempts (1 s timeout each) finish before the receiver closes
    await waitFor(() => hits.get('/hang') === 2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(hits.get('/hang')).toBe(2);
  });
});
