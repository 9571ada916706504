// Shared pieces of the conformance suite: a fresh store per test and MLflow error assertions.
import { afterEach, beforeEach, expect } from 'vitest';
import { MlflowError, type ErrorCode } from '@mlflow-ts/protocol';
import type { Run } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

export type StoreFactory = () => Promise<TrackingStore>;

/**
 * What legitimately differs between backends because MLflow itself behaves differently on them.
 * `textCollation`: `binary` when text sorts and matches byte-wise (SQLite; PostgreSQL under the C
 * collation), `case-insensitive` under MySQL's default collations, where MLflow's plain `=`
 * (getExperimentByName) ignores case and ORDER BY name puts 'alpha-2' before 'Default'.
 */
export interface StoreTraits {
  textCollation: 'binary' | 'case-insensitive';
}

export const BYTEWISE_TEXT: StoreTraits = { textCollation: 'binary' };

/** `values` sorted ascending as the backend's collation sorts them (test data has no case-only ties). */
export function collate(traits: StoreTraits, values: readonly string[]): string[] {
  if (traits.textCollation === 'binary') return [...values].sort();
  return [...values].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
}

/** Gives each test a new, empty store (with only the Default experiment) and closes it after. */
export function useStore(factory: StoreFactory): () => TrackingStore {
  let store: TrackingStore | undefined;
  beforeEach(async () => {
    store = await factory();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('store used outside a test');
    return store;
  };
}

/** Awaits `promise` and checks it failed with exactly this MLflow error code and message. */
export async function expectMlflowError(
  promise: Promise<unknown>,
  code: ErrorCode,
  message: string | RegExp,
): Promise<MlflowError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an MlflowError').toBeInstanceOf(MlflowError);
  const error = caught as MlflowError;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  return error;
}

export async function newExperiment(store: TrackingStore, name = 'exp'): Promise<string> {
  return store.createExperiment({ name });
}

export async function newRun(
  store: TrackingStore,
  experimentId: string,
  extra: Partial<Parameters<TrackingStore['createRun']>[0]> = {},
): Promise<Run> {
  return store.createRun({ experimentId, userId: 'tester', startTime: 1000, ...extra });
}

/** Key/value lists as a plain object, for order-independent comparisons. */
export function asRecord(
  items: ReadonlyArray<{ key: string; value?: string }> | undefined,
): Record<string, string | undefined> {
  return Object.fromEntries((items ?? []).map((i) => [i.key, i.value]));
}

export function tagsOf(run: Run): Record<string, string | undefined> {
  return asRecord(run.data.tags);
}
