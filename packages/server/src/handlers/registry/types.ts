// The handler table type of the registry endpoints.
import type { registryEndpoints } from '@mlflow-ts/protocol';
import type { HandlerTable } from '../types.js';

export type RegistryHandlers = HandlerTable<typeof registryEndpoints>;

/** The empty response message `{}` of write RPCs. */
export const EMPTY = {} as const;

/** A tag sent without a value holds protobuf's default, '' (MLflow's handler reads it so). */
export function withValues<T extends { key: string; value?: string }>(
  tags: readonly T[],
): (T & { value: string })[] {
  return tags.map((t) => ({ ...t, value: t.value ?? '' }));
}
