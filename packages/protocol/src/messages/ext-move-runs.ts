// mlflow-ts extension: move runs to another experiment, all or nothing, artifacts left where they are.
import { Type, type Static } from '@sinclair/typebox';
import { defineEndpoint } from '../endpoint.js';
import {
  isArray,
  isString,
  itemsAreStrings,
  lengthAtMost,
  required,
  type RequestRules,
} from '../codec/rules.js';
import { RunInfo } from '../entities.js';
import { invalidParameter } from '../validation/messages.js';

/** One request moves at most this many runs: one transaction, one IN list per SQL statement chunk. */
export const MAX_MOVE_RUNS = 1000;

export const MoveRunsRequest = Type.Object({
  run_ids: Type.Array(Type.String()),
  experiment_id: Type.String(),
});
export type MoveRunsRequest = Static<typeof MoveRunsRequest>;

/**
 * The moved runs' infos as they now read. `artifact_uri` is unchanged on purpose: it is an absolute
 * URI that does not depend on the experiment, so every file (and every `runs:/` reference, model
 * version source or logged model pointing at it) stays reachable without copying anything.
 */
export const MoveRunsResponse = Type.Object({
  runs: Type.Optional(Type.Array(RunInfo)),
});
export type MoveRunsResponse = Static<typeof MoveRunsResponse>;

export const moveRunsRules: RequestRules = {
  run_ids: [
    required,
    isArray,
    itemsAreStrings,
    lengthAtMost(MAX_MOVE_RUNS, (n) => `move-runs accepts at most ${MAX_MOVE_RUNS} run_ids; got ${n}.`),
  ],
  experiment_id: [required, isString],
};

export interface MoveRunsInput {
  readonly runIds: readonly string[];
  readonly experimentId: string;
}

/** After decoding: at least one run, no run named twice (a repeated id is almost surely a client bug). */
export function validateMoveRunsRequest(req: MoveRunsRequest): MoveRunsInput {
  if (req.run_ids.length === 0) throw invalidParameter('move-runs needs at least one run id in run_ids.');
  const seen = new Set<string>();
  for (const id of req.run_ids) {
    if (id === '') throw invalidParameter('run_ids must not contain an empty run id.');
    if (seen.has(id)) throw invalidParameter(`run_ids names run '${id}' more than once.`);
    seen.add(id);
  }
  return { runIds: req.run_ids, experimentId: req.experiment_id };
}

/** Under /ajax-api/2.0/mlflow-ts/…, beside the other mlflow-ts extensions, never in MLflow's namespace. */
export const moveRunsEndpoints = {
  moveRuns: defineEndpoint({
    name: 'moveRuns',
    methods: ['POST'] as const,
    path: '/mlflow-ts/runs/move',
    since: 2,
    ajaxOnly: true,
    request: MoveRunsRequest,
    response: MoveRunsResponse,
    rules: moveRunsRules,
  }),
} as const;
