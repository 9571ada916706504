// The TypeScript half of the MLflow interop test: the same fixture writes and the same read-back dump.
import type { Comparison, DatasetInput, OrderBy } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

/** The run searches of fixtures/mlflow_interop.py (QUERIES), as parsed ASTs. */
export const QUERIES: Record<string, { filter: Comparison[]; orderBy: OrderBy[] }> = {
  all: { filter: [], orderBy: [] },
  acc_gt: {
    filter: [{ type: 'metric', key: 'acc', comparator: '>', value: 0.5 }],
    orderBy: [{ type: 'metric', key: 'acc', ascending: false }],
  },
  acc_ne: { filter: [{ type: 'metric', key: 'acc', comparator: '!=', value: 0.9 }], orderBy: [] },
  param_ilike: {
    filter: [{ type: 'param', key: 'opt', comparator: 'ILIKE', value: 'ADAM%' }],
    orderBy: [{ type: 'param', key: 'opt', ascending: true }],
  },
  tag_like: {
    filter: [{ type: 'tag', key: 'color', comparator: 'LIKE', value: 'r%' }],
    orderBy: [{ type: 'tag', key: 'color', ascending: false }],
  },
  status: { filter: [{ type: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' }], orderBy: [] },
  run_name: {
    filter: [{ type: 'attribute', key: 'run_name', comparator: 'ILIKE', value: 'FIRST%' }],
    orderBy: [],
  },
  dataset_context: {
    filter: [{ type: 'dataset', key: 'context', comparator: '=', value: 'training' }],
    orderBy: [],
  },
  dataset_name: {
    filter: [{ type: 'dataset', key: 'name', comparator: 'IN', value: ['train', 'other'] }],
    orderBy: [{ type: 'attribute', key: 'start_time', ascending: true }],
  },
  order_metric: {
    filter: [],
    orderBy: [
      { type: 'metric', key: 'acc', ascending: true },
      { type: 'attribute', key: 'run_name', ascending: false },
    ],
  },
  order_end: { filter: [], orderBy: [{ type: 'attribute', key: 'end_time', ascending: false }] },
};

function dataset(
  name: string,
  digest: string,
  context?: string,
  extra: { schema?: string; profile?: string } = {},
): DatasetInput {
  return {
    tags: context ? [{ key: 'mlflow.data.context', value: context }] : [],
    dataset: { name, digest, source_type: 'local', source: `/data/${name}`, ...extra },
  };
}

/** Mirrors `write()` of fixtures/mlflow_interop.py call for call. */
export async function writeFixture(store: TrackingStore): Promise<void> {
  const exp = await store.createExperiment({
    name: 'interop',
    tags: [
      { key: 'team', value: 'ml' },
      { key: 'empty', value: '' },
    ],
  });
  const gone = await store.createExperiment({ name: 'gone', artifactLocation: 's3://bucket/gone' });
  const run = async (
    experimentId: string,
    userId: string,
    startTime: number,
    tags: { key: string; value: string }[],
    runName?: string,
  ) => (await store.createRun({ experimentId, userId, startTime, tags, runName })).info.run_id;
  const first = await run(exp, 'alice', 1000, [{ key: 'color', value: 'red' }], 'first-run');
  const second = await run(exp, 'bob', 2000, [{ key: 'mlflow.runName', value: 'second' }]);
  const third = await run(exp, 'carol', 3000, [{ key: 'color', value: 'Blue' }], 'third');
  await run(gone, 'dan', 4000, [], 'in-deleted-exp');

  const metrics = Array.from({ length: 10 }, (_, step) => ({
    key: 'acc',
    value: 0.5 + step / 10,
    timestamp: 100 + step,
    step,
  }));
  metrics.push(
    { key: 'loss', value: Number.NaN, timestamp: 5, step: 0 },
    { key: 'inf', value: Number.POSITIVE_INFINITY, timestamp: 5, step: 0 },
    { key: 'ninf', value: Number.NEGATIVE_INFINITY, timestamp: 5, step: 0 },
    ...Array.from({ length: 6 }, (_, v) => ({ key: 'same', value: v, timestamp: 7, step: 0 })),
  );
  await store.logBatch(first, {
    metrics,
    params: [
      { key: 'opt', value: 'adam' },
      { key: 'lr', value: '0.01' },
      { key: 'blank', value: '' },
    ],
    tags: [{ key: 'multi', value: 'a\nb' }],
  });
  await store.logBatch(second, {
    metrics: [{ key: 'acc', value: Number.NaN, timestamp: 1, step: 3 }],
    params: [{ key: 'opt', value: 'Adamax' }],
    tags: [{ key: 'color', value: 'rose' }],
  });
  await store.logBatch(third, {
    metrics: [
      { key: 'acc', value: 0.9, timestamp: 1, step: 0 },
      { key: 'acc', value: 0.2, timestamp: 2, step: 0 },
    ],
    params: [{ key: 'opt', value: 'sgd' }],
  });

  await store.logInputs(
    first,
    [
      dataset('train', 'd1', 'training', { schema: '{"mlflow_colspec": []}', profile: '{"num_rows": 3}' }),
      dataset('eval', 'd2', 'eval'),
    ],
    [{ model_id: 'm-input' }],
  );
  await store.logInputs(second, [dataset('train', 'd1', 'training'), dataset('raw', 'd3')]);
  await store.logOutputs(first, [{ model_id: 'm-output', step: 4 }]);

  await store.updateRun(first, { status: 'FINISHED', endTime: 5000 });
  await store.updateRun(third, { status: 'FAILED', endTime: 6000, runName: 'third-renamed' });
  await store.setTag(second, { key: 'extra', value: 'x' });
  await store.deleteTag(first, 'color');
  await store.setExperimentTag(exp, { key: 'team', value: 'ml-2' });
  await store.deleteRun(third);
  await store.deleteExperiment(gone);
}

/** Our entities as MLflow's wire JSON: NaN/±Infinity as strings, empty lists and undefined dropped. */
function wire(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return value;
  }
  if (Array.isArray(value)) return value.map(wire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = wire(v);
    }
    return out;
  }
  return value;
}

const byKey = (a: { key?: unknown }, b: { key?: unknown }) => String(a.key).localeCompare(String(b.key));

/**
 * List order inside a run or experiment is unspecified in MLflow (it depends on how rows come
 * back), so tags, params, metrics and dataset inputs are sorted on both sides.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    let item = canonical(v);
    if (Array.isArray(item) && ['tags', 'params', 'metrics'].includes(k))
      item = [...(item as { key?: unknown }[])].sort(byKey);
    if (Array.isArray(item) && k === 'dataset_inputs') {
      item = [...(item as { dataset: { name: string } }[])].sort((a, b) =>
        a.dataset.name.localeCompare(b.dataset.name),
      );
    }
    out[k] = item;
  }
  return out;
}

export type Dump = Record<string, unknown>;

/** Mirrors `dump()` of fixtures/mlflow_interop.py through our store. */
export async function dumpStore(store: TrackingStore): Promise<Dump> {
  const experiments = (
    await store.searchExperiments({ viewType: 'ALL', maxResults: 1000, filter: [], orderBy: [] })
  ).items;
  const ids = experiments.map((e) => e.experiment_id);
  const runs: Record<string, unknown> = {};
  const history: Record<string, unknown> = {};
  const sampled: Record<string, unknown> = {};
  const all = await store.searchRuns({
    experimentIds: ids,
    filter: [],
    viewType: 'ALL',
    maxResults: 1000,
    orderBy: [],
  });
  for (const r of all.items) {
    const id = r.info.run_id;
    runs[id] = wire(await store.getRun(id));
    for (const key of (r.data.metrics ?? []).map((m) => m.key).sort()) {
      history[`${id}/${key}`] = wire((await store.getMetricHistory(id, key)).items);
      for (const maxResults of [1, 2, 3, 5]) {
        sampled[`${id}/${key}/${maxResults}`] = wire(
          await store.getMetricHistoryBulkInterval({ runIds: [id], metricKey: key, maxResults }),
        );
      }
    }
  }
  const interop = experiments.filter((e) => e.name === 'interop').map((e) => e.experiment_id);
  const queries: Record<string, string[]> = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const page = await store.searchRuns({ experimentIds: interop, viewType: 'ALL', maxResults: 1000, ...q });
    queries[name] = page.items.map((run) => run.info.run_id);
  }
  const datasets = wire(await store.searchDatasets(ids));
  return { experiments: wire(experiments), runs, history, sampled, queries, datasets };
}
