// The webhook store interface: MLflow's `webhooks` / `webhook_events` tables, soft deletes included.
import type { Page } from './tracking-store.js';

/** One (entity, action) subscription as stored: MLflow's lower-case values, e.g. registered_model / created. */
export interface StoredWebhookEvent {
  entity: string;
  action: string;
}

/** A webhook row with its events. `secret` is the column as stored (MLflow keeps it Fernet-encrypted). */
export interface StoredWebhook {
  webhookId: string;
  name: string;
  description: string | null;
  url: string;
  status: string;
  secret: string | null;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  events: StoredWebhookEvent[];
}

export interface CreateWebhookInput {
  name: string;
  url: string;
  events: StoredWebhookEvent[];
  description: string | null;
  secret: string | null;
  status: string;
}

/** Fields left undefined keep their value; `events` replaces the whole subscription list. */
export interface UpdateWebhookInput {
  name?: string;
  url?: string;
  events?: StoredWebhookEvent[];
  description?: string;
  secret?: string;
  status?: string;
}

export interface ListWebhooksInput {
  /** 1..1000; the service applies MLflow's default and range check. */
  maxResults: number;
  pageToken?: string;
}

export interface WebhookStore {
  createWebhook(input: CreateWebhookInput): Promise<StoredWebhook>;
  /** Throws RESOURCE_DOES_NOT_EXIST "Webhook with ID <id> not found." for unknown or deleted ids. */
  getWebhook(webhookId: string): Promise<StoredWebhook>;
  /** Not deleted, newest first (creation_timestamp descending), offset page tokens. */
  listWebhooks(input: ListWebhooksInput): Promise<Page<StoredWebhook>>;
  /** Like listWebhooks, only those subscribed to the event (whatever their status). */
  listWebhooksByEvent(event: StoredWebhookEvent, input: ListWebhooksInput): Promise<Page<StoredWebhook>>;
  updateWebhook(webhookId: string, input: UpdateWebhookInput): Promise<StoredWebhook>;
  /** Soft delete: sets deleted_timestamp (and last_updated_timestamp to the same time). */
  deleteWebhook(webhookId: string): Promise<void>;
}
