// log-batch rules: run id, every metric/param/tag, the batch limits and duplicate param keys.
import type { Metric, Param, RunTag } from '../entities.js';
import { handlerCrash } from '../codec/internal-error.js';
import { pyList } from '../codec/python-repr.js';
import { pyLen } from '../codec/python-values.js';
import { validateRunId } from './ids.js';
import type { TruncateOptions } from './lengths.js';
import { invalidParameter } from './messages.js';
import { validateMetric } from './metric.js';
import { validateParam } from './param.js';
import { validateRunTag } from './run-tag.js';

export const MAX_METRICS_PER_BATCH = 1000;
export const MAX_PARAMS_TAGS_PER_BATCH = 100;
export const MAX_ENTITIES_PER_BATCH = 1000;
export const MAX_BATCH_LOG_REQUEST_SIZE = 1_000_000;

export interface LogBatchInput {
  readonly run_id: string;
  readonly metrics: readonly Metric[];
  readonly params: readonly { key: string; value?: string }[];
  readonly tags: readonly { key: string; value?: string }[];
}

export interface ValidatedBatch {
  readonly metrics: readonly Metric[];
  readonly params: Required<Param>[];
  readonly tags: Required<RunTag>[];
}

function checkLimit(entity: string, limit: number, length: number): void {
  if (length > limit) {
    throw invalidParameter(
      `A batch logging request can contain at most ${limit} ${entity}. Got ${length} ${entity}. ` +
        `Please split up ${entity} across multiple requests and try again.`,
    );
  }
}

/**
 * The SQL store's log_batch checks, in MLflow's order: run id format, each metric
 * (`metrics[i]`), each param and tag (values truncated unless `truncateLongValues` is false),
 * the count limits, then duplicate param keys. Returns the params and tags to store.
 *
 * @example const { params, tags } = validateLogBatch(decodedLogBatchRequest);
 */
export function validateLogBatch(req: LogBatchInput, options: TruncateOptions = {}): ValidatedBatch {
  validateRunId(req.run_id);
  const checkedKeys = new Set<string>(); // batches repeat keys; a valid name stays valid
  for (let i = 0; i < req.metrics.length; i++) {
    const m = req.metrics[i] as Metric;
    if (
      checkedKeys.has(m.key) &&
      typeof m.value === 'number' &&
      m.timestamp >= 0 &&
      typeof m.step === 'number'
    )
      continue;
    validateMetric(m, `metrics[${i}]`);
    checkedKeys.add(m.key);
  }
  const params = req.params.map((p, i) => validateParam(p, { ...options, path: `params[${i}]` }));
  const tags = req.tags.map((t, i) => validateRunTag(t, { ...options, path: `tags[${i}]` }));
  checkLimit('metrics', MAX_METRICS_PER_BATCH, req.metrics.length);
  checkLimit('params', MAX_PARAMS_TAGS_PER_BATCH, params.length);
  checkLimit('tags', MAX_PARAMS_TAGS_PER_BATCH, tags.length);
  checkLimit(
    'metrics, params, and tags',
    MAX_ENTITIES_PER_BATCH,
    req.metrics.length + params.length + tags.length,
  );
  validateParamKeysUnique(params);
  return { metrics: req.metrics, params, tags };
}

/** "Duplicate parameter keys have been submitted: ['a', 'a']. …" — every repeat is listed. */
export function validateParamKeysUnique(params: readonly { key: string }[]): void {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const p of params) {
    if (seen.has(p.key)) dupes.push(p.key);
    else seen.add(p.key);
  }
  if (dupes.length > 0) {
    throw invalidParameter(
      `Duplicate parameter keys have been submitted: ${pyList(dupes)}. Please ensure ` +
        'the request contains only one param value per param key.',
    );
  }
}

/**
 * The handler's first check, on the raw parsed body: MLflow applies len() to it, so a huge
 * double-encoded string is refused, and an empty body crashes the handler (HTTP 500).
 */
export function validateLogBatchRequestSize(rawBody: unknown): void {
  const size = pyLen(rawBody);
  if (size === undefined) throw handlerCrash('log-batch needs a JSON body');
  if (size > MAX_BATCH_LOG_REQUEST_SIZE) {
    throw invalidParameter(
      `Batched logging API requests must be at most ${MAX_BATCH_LOG_REQUEST_SIZE} bytes, got a request of size ${size}.`,
    );
  }
}
