// Registry events as webhooks see them: the registry service announces, the webhook service delivers.

/** MLflow's webhook entities and actions (mlflow/entities/webhook.py); delivery uses "<entity>.<action>". */
export type RegistryEventEntity =
  | 'registered_model'
  | 'model_version'
  | 'model_version_tag'
  | 'model_version_alias'
  | 'prompt'
  | 'prompt_version'
  | 'prompt_tag'
  | 'prompt_version_tag'
  | 'prompt_alias';
export type RegistryEventAction = 'created' | 'updated' | 'deleted' | 'set';

export interface RegistryEvent {
  entity: RegistryEventEntity;
  action: RegistryEventAction;
  /** The JSON payload MLflow sends for this event (snake_case keys, as its webhook payload builders do). */
  payload: Record<string, unknown>;
}

/**
 * Where the registry service reports what it changed, after the change is committed. `emit` must
 * never throw nor wait on delivery: a slow or failing webhook must not block or fail the request.
 */
export interface RegistryEventSink {
  emit(event: RegistryEvent): void;
}

/** The sink used when nothing listens (tests of the registry alone). */
export const ignoreRegistryEvents: RegistryEventSink = { emit: () => undefined };
