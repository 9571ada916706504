// The WebhookStore over MLflow's SQL schema: each method delegates to the read or write module.
import type { Page } from '../../tracking-store.js';
import type {
  CreateWebhookInput,
  ListWebhooksInput,
  StoredWebhook,
  StoredWebhookEvent,
  UpdateWebhookInput,
  WebhookStore,
} from '../../webhook-store.js';
import type { StoreContext } from '../context.js';
import { getWebhook, listWebhooks } from './webhook-reads.js';
import { createWebhook, deleteWebhook, updateWebhook } from './webhook-writes.js';

export class SqlWebhookStore implements WebhookStore {
  // async so that errors thrown before any query become rejections
  constructor(private readonly ctx: StoreContext) {}

  async createWebhook(input: CreateWebhookInput): Promise<StoredWebhook> {
    return createWebhook(this.ctx, input);
  }
  async getWebhook(webhookId: string): Promise<StoredWebhook> {
    return getWebhook(this.ctx, webhookId);
  }
  async listWebhooks(input: ListWebhooksInput): Promise<Page<StoredWebhook>> {
    return listWebhooks(this.ctx, input);
  }
  async listWebhooksByEvent(
    event: StoredWebhookEvent,
    input: ListWebhooksInput,
  ): Promise<Page<StoredWebhook>> {
    return listWebhooks(this.ctx, input, event);
  }
  async updateWebhook(webhookId: string, input: UpdateWebhookInput): Promise<StoredWebhook> {
    return updateWebhook(this.ctx, webhookId, input);
  }
  async deleteWebhook(webhookId: string): Promise<void> {
    return deleteWebhook(this.ctx, webhookId);
  }
}
