// API tests of the webhook endpoints under MLflow's default settings (https only, public addresses): ok and error tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fernet } from '../../src/services/webhooks/fernet.js';
import {
  badType,
  errorTable,
  expectError,
  get,
  inject,
  missing,
  post,
  startTestApp,
  type ApiResponse,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const RM = { entity: 'REGISTERED_MODEL', action: 'CREATED' };
// A public address literal: MLflow's check resolves hosts, and literals need no DNS.
const URL_OK = 'https://8.8.8.8/hook';

const patch = (id: string, body: unknown): Promise<ApiResponse> =>
  inject(t.app, {
    method: 'PATCH',
    url: `/api/2.0/mlflow/webhooks/${id}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const del = (id: string): Promise<ApiResponse> =>
  inject(t.app, { method: 'DELETE', url: `/api/2.0/mlflow/webhooks/${id}` });

async function create(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await post(t.app, '/webhooks', { url: URL_OK, events: [RM], ...body });
  expect(res.status).toBe(200);
  return (res.json as { webhook: Record<string, unknown> }).webhook;
}

describe('webhooks: ok', () => {
  it('creates with defaults, answers the webhook without its secret, and reads it back', async () => {
    const webhook = await create({ name: 'first', secret: 'shh' });
    expect(Object.keys(webhook)).toEqual([
      'webhook_id',
      'name',
      'url',
      'events',
      'status',
      'creation_timestamp',
      'last_updated_timestamp',
    ]);
    expect(webhook).toMatchObject({ name: 'first', url: URL_OK, events: [RM], status: 'ACTIVE' });
    expect(webhook['last_updated_timestamp']).toBe(webhook['creation_timestamp']);
    const res = await get(t.app, `/webhooks/${String(webhook['webhook_id'])}`);
    expect(res.json).toEqual({ webhook });
  });

  it('stores the secret Fernet-encrypted in the secret column', async () => {
    const webhook = await create({ name: 'enc', secret: 'plain-secret' });
    const row = await t.store.webhooks.getWebhook(String(webhook['webhook_id']));
    expect(row.secret).toMatch(/^gAAAAA[A-Za-z0-9_-]+=*$/);
    expect(row.secret).not.toContain('plain-secret');
  });

  it('keeps description and status; events come back in key order; unknown status names are ignored', async () => {
    const webhook = await create({
      name: 'full.hook_1-x',
      description: 'd',
      status: 'DISABLED',
      events: [
        { entity: 'PROMPT_TAG', action: 'SET' },
        { entity: 2, action: 1 },
      ],
    });
    expect(webhook).toMatchObject({
      description: 'd',
      status: 'DISABLED',
      events: [
        { entity: 'MODEL_VERSION', action: 'CREATED' },
        { entity: 'PROMPT_TAG', action: 'SET' },
      ],
    });
    expect(await create({ name: 'bogus-status', status: 'BOGUS' })).toMatchObject({ status: 'ACTIVE' });
  });

  it('lists newest first with max_results and page tokens', async () => {
    const names = ['page-a', 'page-b', 'page-c'];
    for (const name of names) {
      await create({ name });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const first = await get(t.app, '/webhooks', { max_results: '2' });
    const body = first.json as { webhooks: { name: string }[]; next_page_token: string };
    expect(body.webhooks.map((w) => w.name)).toEqual(['page-c', 'page-b']);
    expect(body.next_page_token).toBe('eyJvZmZzZXQiOiAyfQ==');
    const second = await get(t.app, '/webhooks', { max_results: '2', page_token: body.next_page_token });
    expect((second.json as { webhooks: { name: string }[] }).webhooks[0]?.name).toBe('page-a');
    const all = await get(t.app, '/webhooks');
    expect((all.json as { next_page_token?: string }).next_page_token).toBeUndefined();
  });

  it('updates: empty name/url/events keep the value, empty description clears it, the body id is ignored', async () => {
    const webhook = await create({ name: 'upd', description: 'd' });
    const id = String(webhook['webhook_id']);
    await new Promise((resolve) => setTimeout(resolve, 3));
    const kept = await patch(id, { name: '', url: '', events: [], webhook_id: 'other' });
    expect(kept.json).toMatchObject({
      webhook: { webhook_id: id, name: 'upd', description: 'd', url: URL_OK },
    });
    const changed = await patch(id, {
      name: 'upd2',
      description: '',
      status: 'DISABLED',
      events: [{ entity: 'MODEL_VERSION_ALIAS', action: 'DELETED' }],
    });
    const after = (changed.json as { webhook: Record<string, unknown> }).webhook;
    expect(after).toMatchObject({
      name: 'upd2',
      status: 'DISABLED',
      events: [{ entity: 'MODEL_VERSION_ALIAS', action: 'DELETED' }],
    });
    expect(after).not.toHaveProperty('description');
    expect(Number(after['last_updated_timestamp'])).toBeGreaterThan(
      Number(webhook['last_updated_timestamp']),
    );
  });

  it('deletes (soft): {} then not found', async () => {
    const id = String((await create({ name: 'gone' }))['webhook_id']);
    const res = await del(id);
    expect({ status: res.status, json: res.json }).toEqual({ status: 200, json: {} });
    expectError(
      await get(t.app, `/webhooks/${id}`),
      404,
      'RESOURCE_DOES_NOT_EXIST',
      `Webhook with ID ${id} not found.`,
    );
  });
});

describe('webhooks: errors', () => {
  const create400 = (
    name: string,
    body: unknown,
    message: string,
    status = 400,
    code = 'INVALID_PARAMETER_VALUE',
  ): ErrorCase => ({
    name,
    send: () => post(t.app, '/webhooks', body),
    status,
    code,
    message,
  });
  const named = (extra: Record<string, unknown>) => ({ name: 'n', url: URL_OK, events: [RM], ...extra });
  const notFound = 'Webhook with ID nope not found.';
  const cases: ErrorCase[] = [
    create400('create without name', {}, missing('name')),
    create400('create without url', { name: 'a' }, missing('url')),
    create400('create without events', { name: 'a', url: 'http://x.com' }, missing('events')),
    create400('create with a number as name', named({ name: 5 }), badType('name', '5', 'int')),
    create400('create with events as a string', named({ events: 'x' }), badType('events', '"x"', 'str')),
    create400('create with events as an object', named({ events: {} }), badType('events', '{}', 'dict')),
    create400('create with an unknown status number', named({ status: 5 }), badType('status', '5', 'int')),
    create400(
      'create with an invalid pair',
      named({ events: [{ entity: 'REGISTERED_MODEL', action: 'SET' }] }),
      "Invalid action 'set' for entity 'registered_model'. Valid actions are: ['created']",
    ),
    create400(
      'create with an unspecified entity (MLflow crashes)',
      named({ events: [{ entity: 'ENTITY_UNSPECIFIED', action: 'CREATED' }] }),
      "Malformed request: 'entity_unspecified' is not a valid WebhookEntity",
      500,
      'INTERNAL_ERROR',
    ),
    create400(
      'create with a bad name',
      named({ name: '-a' }),
      "Webhook name '-a' is invalid. It must start and end with a letter or digit, be less than 63 characters long, and contain only letters, digits, dots (.), underscores (_), and hyphens (-).",
    ),
    create400(
      'create with http',
      named({ url: 'http://x.com' }),
      "Invalid webhook URL scheme: 'http'. Allowed schemes are: https.",
    ),
    create400(
      'create with ftp',
      named({ url: 'ftp://8.8.8.8/x' }),
      "Invalid webhook URL scheme: 'ftp'. Allowed schemes are: https.",
    ),
    create400(
      'create without host',
      named({ url: 'https://' }),
      "Webhook URL must include a hostname: 'https://'",
    ),
    create400(
      'create with a blank url',
      named({ url: '   ' }),
      "Webhook URL cannot be empty or just whitespace: '   '",
    ),
    create400(
      'create with a broken IPv6 url',
      named({ url: 'https://[zz/' }),
      "Invalid webhook URL 'https://[zz/': ValueError('Invalid IPv6 URL')",
    ),
    create400(
      'create with localhost',
      named({ url: 'https://localhost' }),
      "Webhook URL must not resolve to a non-public IP address. 'localhost' resolves to 127.0.0.1.",
    ),
    create400(
      'create with 127.1',
      named({ url: 'https://127.1/' }),
      "Webhook URL must not resolve to a non-public IP address. '127.1' resolves to 127.0.0.1.",
    ),
    create400(
      'create with ::1',
      named({ url: 'https://[::1]/' }),
      "Webhook URL must not resolve to a non-public IP address. '::1' resolves to ::1.",
    ),
    create400(
      'create with a private address',
      named({ url: 'https://10.0.0.1/' }),
      "Webhook URL must not resolve to a non-public IP address. '10.0.0.1' resolves to 10.0.0.1.",
    ),
    create400(
      'create with a host that does not resolve',
      named({ url: 'https://nonexistent.invalid/' }),
      "Cannot resolve Webhook URL hostname 'nonexistent.invalid': [Errno -2] Name or service not known",
    ),
    create400(
      'create with no events',
      named({ events: [] }),
      'Webhook events must be a non-empty list of WebhookEvent objects: [].',
    ),
    create400(
      'create with a name check before the url check',
      named({ name: '-a', url: 'http://x' }),
      "Webhook name '-a' is invalid. It must start and end with a letter or digit, be less than 63 characters long, and contain only letters, digits, dots (.), underscores (_), and hyphens (-).",
    ),
    {
      name: 'list with max_results over 1000',
      send: () => get(t.app, '/webhooks', { max_results: '1001' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'max_results must be between 1 and 1000.',
    },
    {
      name: 'list with a non-numeric max_results',
      send: () => get(t.app, '/webhooks', { max_results: 'abc' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: badType('max_results', '"abc"', 'str'),
    },
    {
      name: 'list with a bad page token',
      send: () => get(t.app, '/webhooks', { page_token: 'abc' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid page token, could not base64-decode',
    },
    {
      name: 'get unknown',
      send: () => get(t.app, '/webhooks/nope'),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: notFound,
    },
    {
      name: 'update unknown',
      send: () => patch('nope', {}),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: notFound,
    },
    {
      name: 'delete unknown',
      send: () => del('nope'),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: notFound,
    },
    {
      name: 'test unknown',
      send: () => post(t.app, '/webhooks/nope/test', {}),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: notFound,
    },
    {
      name: 'update with an invalid pair (checked before the id)',
      send: () => patch('nope', { events: [{ entity: 'PROMPT', action: 'DELETED' }] }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: "Invalid action 'deleted' for entity 'prompt'. Valid actions are: ['created']",
    },
    {
      name: 'update with an unknown status number',
      send: () => patch('nope', { status: 7 }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: badType('status', '7', 'int'),
    },
    {
      name: 'test with an invalid pair',
      send: () => post(t.app, '/webhooks/nope/test', { event: { entity: 'PROMPT_ALIAS', action: 'SET' } }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: "Invalid action 'set' for entity 'prompt_alias'. Valid actions are: ['created', 'deleted']",
    },
  ];
  errorTable(cases);

  it('refuses a repeated event with BAD_REQUEST (the integrity error)', async () => {
    const res = await post(t.app, '/webhooks', named({ events: [RM, RM] }));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: 'BAD_REQUEST' });
    expect((res.json as { message: string }).message).toMatch(
      /^\(sqlite3\.IntegrityError\) UNIQUE constraint failed: webhook_events/,
    );
  });

  it('update validates name and url after finding the webhook', async () => {
    const id = String((await create({ name: 'val' }))['webhook_id']);
    expectError(
      await patch(id, { url: 'http://8.8.8.8' }),
      400,
      'INVALID_PARAMETER_VALUE',
      "Invalid webhook URL scheme: 'http'. Allowed schemes are: https.",
    );
    expectError(
      await patch(id, { name: '-x' }),
      400,
      'INVALID_PARAMETER_VALUE',
      "Webhook name '-x' is invalid. It must start and end with a letter or digit, be less than 63 characters long, and contain only letters, digits, dots (.), underscores (_), and hyphens (-).",
    );
  });
});

describe('webhooks: a secret stored under another key', () => {
  it('fails every read of that webhook with an empty INTERNAL_ERROR, as MLflow does', async () => {
    const foreign = new Fernet(Fernet.generateKey()).encrypt('theirs');
    const row = await t.store.webhooks.createWebhook({
      name: 'foreign',
      url: URL_OK,
      events: [{ entity: 'prompt', action: 'created' }],
      description: null,
      secret: foreign,
      status: 'ACTIVE',
    });
    const id = row.webhookId;
    for (const send of [
      () => get(t.app, `/webhooks/${id}`),
      () => get(t.app, '/webhooks'),
      () => patch(id, { secret: 'new' }),
      () => del(id),
      () => post(t.app, `/webhooks/${id}/test`, {}),
    ])
      expectError(await send(), 500, 'INTERNAL_ERROR', '');
    // the row is still there, untouched
    expect((await t.store.webhooks.getWebhook(id)).secret).toBe(foreign);
    await t.store.webhooks.deleteWebhook(id);
  });
});
