// Reading webhook rows with their events, and the lookup that treats deleted webhooks as missing.
import type { Selectable } from 'kysely';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { StoredWebhook, StoredWebhookEvent } from '../../webhook-store.js';
import { chunks } from '../writes.js';
import type { WebhookExecutor, WebhooksTable } from './tables.js';

export type WebhookRow = Selectable<WebhooksTable>;

export function webhookNotFound(webhookId: string): MlflowError {
  return new MlflowError(ErrorCode.RESOURCE_DOES_NOT_EXIST, `Webhook with ID ${webhookId} not found.`);
}

/** The live (not soft-deleted) webhook row with this id. */
export async function loadLiveWebhook(db: WebhookExecutor, webhookId: string): Promise<WebhookRow> {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .where('deleted_timestamp', 'is', null)
    .executeTakeFirst();
  if (!row) throw webhookNotFound(webhookId);
  return row;
}

/**
 * Rows with their events. Events come in primary-key order (entity, action): what MLflow's
 * unordered relationship load returns on SQLite and MySQL, whose lookups walk that key.
 */
export async function withEvents(db: WebhookExecutor, rows: readonly WebhookRow[]): Promise<StoredWebhook[]> {
  const byId = new Map<string, StoredWebhookEvent[]>(rows.map((r) => [r.webhook_id, []]));
  for (const part of chunks(
    rows.map((r) => r.webhook_id),
    500,
  )) {
    const events = await db
      .selectFrom('webhook_events')
      .selectAll()
      .where('webhook_id', 'in', part)
      .orderBy('webhook_id')
      .orderBy('entity')
      .orderBy('action')
      .execute();
    for (const e of events) byId.get(e.webhook_id)?.push({ entity: e.entity, action: e.action });
  }
  return rows.map((r) => toStoredWebhook(r, byId.get(r.webhook_id) ?? []));
}

function toStoredWebhook(row: WebhookRow, events: StoredWebhookEvent[]): StoredWebhook {
  return {
    webhookId: row.webhook_id,
    name: row.name,
    description: row.description,
    url: row.url,
    status: row.status,
    secret: row.secret,
    creationTimestamp: Number(row.creation_timestamp ?? 0),
    lastUpdatedTimestamp: Number(row.last_updated_timestamp ?? 0),
    events,
  };
}
