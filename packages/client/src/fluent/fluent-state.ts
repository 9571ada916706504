// The fluent API's process-wide state: tracking URI, the client and its write-behind queue, active experiment and run stack.
import type { Run } from '@mlflow-ts/protocol';
import { defaultTrackingUri, setDefaultTrackingUri } from '../node/default-tracking-uri.js';
import { clientOptionsFromEnv, checkTrackingUri } from '../node/env-config.js';
import { NodeMlflowClient } from '../node/node-client.js';
import { AsyncLogger } from './async-logger.js';

export interface FluentConnection {
  readonly client: NodeMlflowClient;
  readonly logger: AsyncLogger;
}

interface FluentState {
  connection: FluentConnection | undefined;
  /** Every connection made so far: exit hooks flush those left behind by setTrackingUri too. */
  readonly connections: Set<FluentConnection>;
  activeExperimentId: string | undefined;
  /** Innermost run last, as Python's _active_run_stack. */
  readonly runStack: Run[];
  lastActiveRunId: string | undefined;
}

export const state: FluentState = {
  connection: undefined,
  connections: new Set(),
  activeExperimentId: undefined,
  runStack: [],
  lastActiveRunId: undefined,
};

/**
 * Sets the tracking server the fluent API and `new MlflowClient()` talk to; overrides
 * MLFLOW_TRACKING_URI. Values queued for the previous server are still
 * written there.
 *
 * @example
 * setTrackingUri('http://localhost:5000');
 */
export function setTrackingUri(uri: string): void {
  setDefaultTrackingUri(checkTrackingUri(uri));
  state.connection = undefined;
}

/**
 * The tracking URI in use: setTrackingUri's, else MLFLOW_TRACKING_URI; throws if neither.
 *
 * @example
 * console.log(getTrackingUri()); // 'http://localhost:5000'
 */
export function getTrackingUri(): string {
  return defaultTrackingUri() ?? clientOptionsFromEnv(process.env).trackingUri;
}

/**
 * The fluent API's client and queue, made on first use from the tracking URI and credentials.
 *
 * @example
 * const { client, logger } = connection();
 */
export function connection(): FluentConnection {
  if (state.connection) return state.connection;
  const client = new NodeMlflowClient(clientOptionsFromEnv(process.env, defaultTrackingUri()));
  const logger = new AsyncLogger((runId, batch) => client.logBatch(runId, batch));
  state.connection = { client, logger };
  state.connections.add(state.connection);
  return state.connection;
}

/**
 * The MlflowClient the fluent API uses (same server and credentials).
 *
 * @example
 * const client = fluentClient();
 * const exp = await client.getExperiment('0');
 */
export function fluentClient(): NodeMlflowClient {
  return connection().client;
}

/**
 * Test hook: forget the tracking URI, connections, experiment and runs (nothing is sent).
 *
 * @example
 * afterEach(() => resetFluentState());
 */
export function resetFluentState(): void {
  setDefaultTrackingUri(undefined);
  state.connection = undefined;
  state.connections.clear();
  state.activeExperimentId = undefined;
  state.runStack.length = 0;
  state.lastActiveRunId = undefined;
}
