// Webhook create, update and soft delete, each in one write transaction, as MLflow's SqlAlchemyStore does.
import { randomUUID } from 'node:crypto';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type {
  CreateWebhookInput,
  StoredWebhook,
  StoredWebhookEvent,
  UpdateWebhookInput,
} from '../../webhook-store.js';
import { inWriteTransaction, type StoreContext } from '../context.js';
import { loadLiveWebhook, withEvents } from './rows.js';
import { webhookTables, type WebhookExecutor } from './tables.js';

const WORKSPACE = 'default';
const EVENT_INSERT = 'INSERT INTO webhook_events (webhook_id, entity, action) VALUES (?, ?, ?)';

/**
 * The events of one webhook. A repeated (entity, action) breaks the primary key; MLflow lets that
 * IntegrityError out of its session as BAD_REQUEST, with the driver's text.
 */
async function insertEvents(
  db: WebhookExecutor,
  ctx: StoreContext,
  webhookId: string,
  events: readonly StoredWebhookEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ webhook_id: webhookId, entity: e.entity, action: e.action }));
  try {
    await db.insertInto('webhook_events').values(rows).execute();
  } catch (error) {
    if (ctx.dialect.classifyError(error) !== 'unique-violation') throw error;
    const seen = new Set<string>();
    const repeated = rows.find((r) => {
      const key = `${r.entity}\u0000${r.action}`;
      return seen.has(key) || !seen.add(key);
    });
    const params = repeated ? [webhookId, repeated.entity, repeated.action] : [webhookId];
    throw new MlflowError(ErrorCode.BAD_REQUEST, ctx.dialect.integrityErrorText(error, EVENT_INSERT, params));
  }
}

async function reload(db: WebhookExecutor, webhookId: string): Promise<StoredWebhook> {
  const [webhook] = await withEvents(db, [await loadLiveWebhook(db, webhookId)]);
  return webhook as StoredWebhook;
}

export function createWebhook(ctx: StoreContext, input: CreateWebhookInput): Promise<StoredWebhook> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = webhookTables(tx);
    const webhookId = randomUUID();
    const now = ctx.now();
    await db
      .insertInto('webhooks')
      .values({
        webhook_id: webhookId,
        name: input.name,
        description: input.description,
        url: input.url,
        status: input.status,
        secret: input.secret,
        creation_timestamp: now,
        last_updated_timestamp: now,
        deleted_timestamp: null,
        workspace: WORKSPACE,
      })
      .execute();
    await insertEvents(db, ctx, webhookId, input.events);
    return reload(db, webhookId);
  });
}

export function updateWebhook(
  ctx: StoreContext,
  webhookId: string,
  input: UpdateWebhookInput,
): Promise<StoredWebhook> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = webhookTables(tx);
    await loadLiveWebhook(db, webhookId);
    if (input.events !== undefined) {
      await db.deleteFrom('webhook_events').where('webhook_id', '=', webhookId).execute();
      await insertEvents(db, ctx, webhookId, input.events);
    }
    await db
      .updateTable('webhooks')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.url !== undefined && { url: input.url }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.secret !== undefined && { secret: input.secret }),
        ...(input.status !== undefined && { status: input.status }),
        last_updated_timestamp: ctx.now(),
      })
      .where('webhook_id', '=', webhookId)
      .execute();
    return reload(db, webhookId);
  });
}

export function deleteWebhook(ctx: StoreContext, webhookId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = webhookTables(tx);
    await loadLiveWebhook(db, webhookId);
    const now = ctx.now();
    await db
      .updateTable('webhooks')
      .set({ deleted_timestamp: now, last_updated_timestamp: now })
      .where('webhook_id', '=', webhookId)
      .execute();
  });
}
