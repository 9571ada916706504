// The handler table type for the tracking endpoints, and what every handler file shares.
import type { trackingEndpoints } from '@mlflow-ts/protocol';
import type { HandlerTable } from './types.js';

export type TrackingHandlers = HandlerTable<typeof trackingEndpoints>;

/** The empty response message `{}` of write RPCs. */
export const EMPTY = {} as const;
