// tfjs adds the batch index and size to batch logs; Keras's batch logs (what MLflow sees) hold only metric values.

/**
 * The metric values of a tfjs log record, without the `batch` and `size` bookkeeping entries.
 *
 * @example
 * metricLogs({ batch: 3, size: 32, loss: 0.2 }); // { loss: 0.2 }
 */
export function metricLogs(
  logs: Record<string, number> | undefined,
  isBatch: boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(logs ?? {})) {
    if (isBatch && (k === 'batch' || k === 'size')) continue;
    out[k] = v;
  }
  return out;
}
