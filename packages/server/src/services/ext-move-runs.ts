// mlflow-ts extension service: validates a move-runs request and moves the runs in the store.
import { validateMoveRunsRequest, type MoveRunsRequest, type RunInfo } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

export class MoveRunsService {
  constructor(private readonly store: TrackingStore) {}

  /** Request rules here; the state checks (experiment and runs active) and the move are one store transaction. */
  move(request: MoveRunsRequest): Promise<RunInfo[]> {
    return this.store.moveRuns(validateMoveRunsRequest(request));
  }
}
