// Conformance: webhooks and their events — create, read, newest-first pages, by-event lookup, update, soft delete.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@mlflow-ts/protocol';
import type { CreateWebhookInput, TrackingStore } from '@mlflow-ts/store';
import { expectMlflowError, useStore, type StoreFactory } from './harness.js';

const RM_CREATED = { entity: 'registered_model', action: 'created' };
const MV_CREATED = { entity: 'model_version', action: 'created' };
const TAG_SET = { entity: 'model_version_tag', action: 'set' };

function input(name: string, extra: Partial<CreateWebhookInput> = {}): CreateWebhookInput {
  return {
    name,
    url: `https://hooks.example.com/${name}`,
    events: [RM_CREATED],
    description: null,
    secret: null,
    status: 'ACTIVE',
    ...extra,
  };
}

/** Creates webhooks one millisecond apart at least, so newest-first order is well defined. */
async function createInOrder(store: TrackingStore, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    ids.push((await store.webhooks.createWebhook(input(name))).webhookId);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  return ids;
}

export function webhooksConformance(factory: StoreFactory): void {
  describe('webhooks', () => {
    const store = useStore(factory);

    it('creates a webhook with its events (in key order) and reads it back', async () => {
      const created = await store().webhooks.createWebhook(
        input('hook-1', { events: [TAG_SET, RM_CREATED, MV_CREATED], description: 'd', secret: 'token' }),
      );
      expect(created.webhookId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(created).toMatchObject({
        name: 'hook-1',
        url: 'https://hooks.example.com/hook-1',
        description: 'd',
        status: 'ACTIVE',
        secret: 'token',
        events: [MV_CREATED, TAG_SET, RM_CREATED],
      });
      expect(created.creationTimestamp).toBeGreaterThan(0);
      expect(created.lastUpdatedTimestamp).toBe(created.creationTimestamp);
      expect(await store().webhooks.getWebhook(created.webhookId)).toEqual(created);
    });

    it('refuses a repeated event with BAD_REQUEST and stores nothing', async () => {
      await expectMlflowError(
        store().webhooks.createWebhook(input('dup', { events: [RM_CREATED, RM_CREATED] })),
        ErrorCode.BAD_REQUEST,
        /webhook_events/,
      );
      expect((await store().webhooks.listWebhooks({ maxResults: 10 })).items).toEqual([]);
    });

    it('reports an unknown id as RESOURCE_DOES_NOT_EXIST', async () => {
      const message = 'Webhook with ID nope not found.';
      await expectMlflowError(
        store().webhooks.getWebhook('nope'),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        message,
      );
      await expectMlflowError(
        store().webhooks.updateWebhook('nope', { name: 'x' }),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        message,
      );
      await expectMlflowError(
        store().webhooks.deleteWebhook('nope'),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        message,
      );
    });

    it('lists newest first in pages read one row ahead', async () => {
      const ids = await createInOrder(store(), ['a', 'b', 'c', 'd']);
      const newest = [...ids].reverse();
      const first = await store().webhooks.listWebhooks({ maxResults: 3 });
      expect(first.items.map((w) => w.webhookId)).toEqual(newest.slice(0, 3));
      expect(first.nextPageToken).toBe(btoa('{"offset": 3}'));
      const second = await store().webhooks.listWebhooks({ maxResults: 3, pageToken: first.nextPageToken });
      expect(second.items.map((w) => w.webhookId)).toEqual(newest.slice(3));
      expect(second.nextPageToken).toBeUndefined();
      const exact = await store().webhooks.listWebhooks({ maxResults: 4 });
      expect(exact.items).toHaveLength(4);
      expect(exact.nextPageToken).toBeUndefined();
    });

    it('rejects a malformed page token with MLflow message', async () => {
      await expectMlflowError(
        store().webhooks.listWebhooks({ maxResults: 3, pageToken: 'abc' }),
        ErrorCode.INVALID_PARAMETER_VALUE,
        'Invalid page token, could not base64-decode',
      );
    });

    it('finds the webhooks of one event, disabled ones included', async () => {
      const a = await store().webhooks.createWebhook(input('a', { events: [RM_CREATED, TAG_SET] }));
      await new Promise((resolve) => setTimeout(resolve, 3));
      const b = await store().webhooks.createWebhook(input('b', { events: [TAG_SET], status: 'DISABLED' }));
      await store().webhooks.createWebhook(input('c', { events: [MV_CREATED] }));
      const page = await store().webhooks.listWebhooksByEvent(TAG_SET, { maxResults: 100 });
      expect(page.items.map((w) => w.webhookId)).toEqual([b.webhookId, a.webhookId]);
      expect(page.items[1]?.events).toEqual(
        [RM_CREATED, TAG_SET].sort((x, y) => (x.entity < y.entity ? -1 : 1)),
      );
      const none = await store().webhooks.listWebhooksByEvent(
        { entity: 'prompt', action: 'created' },
        { maxResults: 5 },
      );
      expect(none.items).toEqual([]);
    });

    it('updates only the given fields and replaces the events', async () => {
      const created = await store().webhooks.createWebhook(input('orig', { description: 'd', secret: 's' }));
      await new Promise((resolve) => setTimeout(resolve, 3));
      const updated = await store().webhooks.updateWebhook(created.webhookId, {
        name: 'renamed',
        events: [MV_CREATED, TAG_SET],
        status: 'DISABLED',
      });
      expect(updated).toMatchObject({
        webhookId: created.webhookId,
        name: 'renamed',
        url: created.url,
        description: 'd',
        secret: 's',
        status: 'DISABLED',
        events: [MV_CREATED, TAG_SET],
        creationTimestamp: created.creationTimestamp,
      });
      expect(updated.lastUpdatedTimestamp).toBeGreaterThan(created.lastUpdatedTimestamp);
      const cleared = await store().webhooks.updateWebhook(created.webhookId, {
        description: '',
        secret: '',
      });
      expect(cleared).toMatchObject({ description: '', secret: '', name: 'renamed' });
      const byOld = await store().webhooks.listWebhooksByEvent(RM_CREATED, { maxResults: 5 });
      expect(byOld.items).toEqual([]);
    });

    it('soft-deletes: gone from get, list and by-event lookups; a second delete is not found', async () => {
      const [keep, gone] = await createInOrder(store(), ['keep', 'gone']);
      await store().webhooks.deleteWebhook(gone as string);
      await expectMlflowError(
        store().webhooks.getWebhook(gone as string),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        `Webhook with ID ${gone} not found.`,
      );
      expect((await store().webhooks.listWebhooks({ maxResults: 10 })).items.map((w) => w.webhookId)).toEqual(
        [keep],
      );
      const byEvent = await store().webhooks.listWebhooksByEvent(RM_CREATED, { maxResults: 10 });
      expect(byEvent.items.map((w) => w.webhookId)).toEqual([keep]);
      await expectMlflowError(
        store().webhooks.deleteWebhook(gone as string),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        `Webhook with ID ${gone} not found.`,
      );
    });
  });
}
