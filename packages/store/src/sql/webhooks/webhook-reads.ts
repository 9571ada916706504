// Webhook reads: one by id, and the newest-first pages of all webhooks or of those subscribed to an event.
import { decodePageToken, encodePageToken } from '@mlflow-ts/protocol';
import type { Page } from '../../tracking-store.js';
import type { ListWebhooksInput, StoredWebhook, StoredWebhookEvent } from '../../webhook-store.js';
import { inReadTransaction, type StoreContext } from '../context.js';
import { loadLiveWebhook, withEvents, type WebhookRow } from './rows.js';
import { webhookTables } from './tables.js';

export function getWebhook(ctx: StoreContext, webhookId: string): Promise<StoredWebhook> {
  return inReadTransaction(ctx, async (tx) => {
    const db = webhookTables(tx);
    const [webhook] = await withEvents(db, [await loadLiveWebhook(db, webhookId)]);
    return webhook as StoredWebhook;
  });
}

/**
 * One page, read one row ahead: a next token exists only when a row beyond the page does (so an
 * exactly full last page has none), as in MLflow's list_webhooks.
 */
export function listWebhooks(
  ctx: StoreContext,
  input: ListWebhooksInput,
  event?: StoredWebhookEvent,
): Promise<Page<StoredWebhook>> {
  const offset = decodePageToken(input.pageToken);
  return inReadTransaction(ctx, async (tx) => {
    const db = webhookTables(tx);
    let query = db
      .selectFrom('webhooks')
      .selectAll('webhooks')
      .where('webhooks.deleted_timestamp', 'is', null);
    if (event) {
      query = query
        .innerJoin('webhook_events', 'webhook_events.webhook_id', 'webhooks.webhook_id')
        .where('webhook_events.entity', '=', event.entity)
        .where('webhook_events.action', '=', event.action);
    }
    const rows: WebhookRow[] = await query
      .orderBy('webhooks.creation_timestamp', 'desc')
      .limit(input.maxResults + 1)
      .offset(offset)
      .execute();
    const hasMore = rows.length > input.maxResults;
    const items = await withEvents(db, hasMore ? rows.slice(0, input.maxResults) : rows);
    return hasMore ? { items, nextPageToken: encodePageToken(offset + input.maxResults) } : { items };
  });
}
