// Kysely row types of MLflow 3.18.0's `webhooks` and `webhook_events` tables, and a handle typed with them.
import type { Kysely } from 'kysely';
import type { Executor } from '../context.js';
import type { MlflowDatabase } from '../tables.js';

export type WebhooksTable = {
  webhook_id: string;
  name: string;
  description: string | null;
  url: string;
  status: string;
  /** Fernet token (MLflow's EncryptedString column), or null when the webhook has no secret. */
  secret: string | null;
  creation_timestamp: number | null;
  last_updated_timestamp: number | null;
  deleted_timestamp: number | null;
  workspace: string;
};

export type WebhookEventsTable = {
  webhook_id: string;
  entity: string;
  action: string;
};

/** Type aliases, not interfaces: withTables() wants records with an implicit index signature. */
export type WebhookTables = {
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
};

export type WebhookExecutor = Kysely<MlflowDatabase & WebhookTables>;

/** The same connection, seen with the webhook tables (they are not part of the tracking table map). */
export function webhookTables(tx: Executor): WebhookExecutor {
  return tx.withTables<WebhookTables>();
}
