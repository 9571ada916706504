// Webhook events: proto enum names ↔ MLflow's stored lower-case values, and the valid (entity, action) pairs.
import { handlerCrash, MlflowError, type WebhookEvent } from '@mlflow-ts/protocol';
import type { StoredWebhookEvent } from '@mlflow-ts/store';

/** mlflow/entities/webhook.py VALID_ENTITY_ACTIONS, actions sorted as its error message lists them. */
const VALID_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  registered_model: ['created'],
  model_version: ['created'],
  model_version_tag: ['deleted', 'set'],
  model_version_alias: ['created', 'deleted'],
  prompt: ['created'],
  prompt_version: ['created'],
  prompt_tag: ['deleted', 'set'],
  prompt_version_tag: ['deleted', 'set'],
  prompt_alias: ['created', 'deleted'],
  budget_policy: ['exceeded'],
};

const pyList = (items: readonly string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/**
 * A wire event as WebhookEvent.from_proto reads it. The *_UNSPECIFIED values have no Python enum
 * member, so MLflow crashes (HTTP 500) on them; an impossible pair is INVALID_PARAMETER_VALUE.
 */
export function eventFromWire(event: WebhookEvent): StoredWebhookEvent {
  const entity = event.entity.toLowerCase();
  const action = event.action.toLowerCase();
  if (!(entity in VALID_ACTIONS)) throw handlerCrash(`'${entity}' is not a valid WebhookEntity`);
  if (action === 'action_unspecified') throw handlerCrash(`Unknown proto action: ${event.action}`);
  const valid = VALID_ACTIONS[entity] ?? [];
  if (!valid.includes(action)) {
    throw MlflowError.invalidParameter(
      `Invalid action '${action}' for entity '${entity}'. Valid actions are: ${pyList(valid)}`,
    );
  }
  return { entity, action };
}

export function eventToWire(event: StoredWebhookEvent): WebhookEvent {
  return {
    entity: event.entity.toUpperCase() as WebhookEvent['entity'],
    action: event.action.toUpperCase() as WebhookEvent['action'],
  };
}

export const eventKey = (event: StoredWebhookEvent): string => `${event.entity}.${event.action}`;
