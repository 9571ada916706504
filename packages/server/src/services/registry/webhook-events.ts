// The webhook events MLflow's registry handlers fire, with their payloads, for models and for prompts.
import type { ModelVersionTag, RegisteredModelTag } from '@mlflow-ts/protocol';
import type { RegistryEvent } from '../registry-events.js';

export const IS_PROMPT_TAG_KEY = 'mlflow.prompt.is_prompt';
const PROMPT_TYPE_TAG_KEY = '_mlflow_prompt_type';
const PROMPT_TEXT_TAG_KEY = 'mlflow.prompt.text';

/** Tags as the dict MLflow's handler builds: later duplicates win. */
export function tagDict(tags: readonly (RegisteredModelTag | ModelVersionTag)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.key] = t.value ?? '';
  return out;
}

/** A request creates a prompt when its is_prompt tag (last one wins) reads true in any case. */
export function isPromptRequest(tags: readonly (RegisteredModelTag | ModelVersionTag)[]): boolean {
  return (tagDict(tags)[IS_PROMPT_TAG_KEY] ?? 'false').toLowerCase() === 'true';
}

function withoutPromptMarkers(tags: Record<string, string>): Record<string, string> {
  const { [IS_PROMPT_TAG_KEY]: _p, [PROMPT_TYPE_TAG_KEY]: _t, ...rest } = tags;
  return rest;
}

export function registeredModelCreated(
  name: string,
  tags: readonly RegisteredModelTag[],
  description: string,
): RegistryEvent {
  if (isPromptRequest(tags)) {
    return {
      entity: 'prompt',
      action: 'created',
      payload: { name, tags: withoutPromptMarkers(tagDict(tags)), description },
    };
  }
  return {
    entity: 'registered_model',
    action: 'created',
    payload: { name, tags: tagDict(tags), description },
  };
}

export interface VersionCreated {
  name: string;
  version: string;
  source: string;
  runId: string | undefined;
  tags: readonly ModelVersionTag[];
  description: string;
}

export function modelVersionCreated(v: VersionCreated): RegistryEvent {
  const description = v.description || null;
  if (isPromptRequest(v.tags)) {
    const { [PROMPT_TEXT_TAG_KEY]: template, ...rest } = tagDict(v.tags);
    return {
      entity: 'prompt_version',
      action: 'created',
      payload: {
        name: v.name,
        version: v.version,
        template: template ?? null,
        tags: withoutPromptMarkers(rest),
        description,
      },
    };
  }
  return {
    entity: 'model_version',
    action: 'created',
    payload: {
      name: v.name,
      version: v.version,
      source: v.source,
      run_id: v.runId || null,
      tags: tagDict(v.tags),
      description,
    },
  };
}
