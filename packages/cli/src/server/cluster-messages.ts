// Messages between the cluster primary and its workers over the IPC channel.

export type WorkerMessage =
  { type: 'mlflow-ts:ready'; port: number } | { type: 'mlflow-ts:fatal'; message: string; exitCode: number };

export type PrimaryMessage = { type: 'mlflow-ts:shutdown' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isWorkerMessage(v: unknown): v is WorkerMessage {
  return isObject(v) && (v.type === 'mlflow-ts:ready' || v.type === 'mlflow-ts:fatal');
}

export function isPrimaryMessage(v: unknown): v is PrimaryMessage {
  return isObject(v) && v.type === 'mlflow-ts:shutdown';
}
