// mlflow-ts extension handler: the move-runs RPC, thin over its service.
import type { moveRunsEndpoints } from '@mlflow-ts/protocol';
import type { MoveRunsService } from '../services/ext-move-runs.js';
import type { HandlerTable } from './types.js';

export function moveRunsHandlers(service: MoveRunsService): HandlerTable<typeof moveRunsEndpoints> {
  return {
    moveRuns: async (request) => ({ runs: await service.move(request) }),
  };
}
