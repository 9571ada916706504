// A stored webhook as the Webhook message MLflow's to_proto writes (no secret, description only when non-empty).
import type { Webhook, WebhookStatus } from '@mlflow-ts/protocol';
import type { StoredWebhook } from '@mlflow-ts/store';
import { eventToWire } from './webhook-events.js';

export function webhookToWire(stored: StoredWebhook): Webhook {
  // keys in proto field order, which the JSON keeps
  return {
    webhook_id: stored.webhookId,
    name: stored.name,
    ...(stored.description ? { description: stored.description } : {}),
    url: stored.url,
    events: stored.events.map(eventToWire),
    status: stored.status as WebhookStatus,
    creation_timestamp: stored.creationTimestamp,
    last_updated_timestamp: stored.lastUpdatedTimestamp,
  };
}
