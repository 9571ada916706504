// Writes checkpoint metrics JSON byte-for-byte as Python's json.dump(indent=2) does for MLflow's float metrics.
import { PyFloat, pyJsonDumps } from '@mlflow-ts/protocol';

/**
 * The content of a checkpoint metrics file: the metrics (floats, as Keras and Lightning hand them
 * to MLflow), with `epoch` and `global_step` (integers) replacing same-named metrics in place or
 * appended, indented by two spaces.
 *
 * @example
 * checkpointMetricsJson({ loss: 1 }, 0, 4); // '{\n  "loss": 1.0,\n  "epoch": 0,\n  "global_step": 4\n}'
 */
export function checkpointMetricsJson(
  metrics: Record<string, number>,
  epoch: number,
  globalStep: number,
): string {
  const record: Record<string, number> = { ...metrics, epoch, global_step: globalStep };
  const values = Object.entries(record).map(([k, v]: [string, unknown]) => {
    const integer = (k === 'epoch' || k === 'global_step') && Number.isInteger(v);
    // Anything but a number (a JS caller's mistake) is written as its string, like json.dump's default=str.
    return [k, typeof v !== 'number' ? String(v) : integer ? v : new PyFloat(v)] as const;
  });
  return pyJsonDumps(Object.fromEntries(values), { indent: 2 });
}
