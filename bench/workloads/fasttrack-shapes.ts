// W8: the request shapes of FastTrackML's published k6 scripts (logging and retrieval), so numbers compare with theirs.
import type { AutocannonRequest } from 'autocannon';
import { JSON_HEADERS, assertAllOk, runLoad } from '../load.js';
import { createRun, mapLimit, postJson } from '../rest.js';
import type { Workload } from '../workload.js';

/** k6 virtual users; FastTrackML's scripts leave the count to the command line, 10 is a common choice. */
const VUS = 10;

type MetricRow = { key: string; value: number; timestamp: number; step: number };
type ParamRow = { key: string; value: string };

/** `keys` metric keys × `steps` steps, as the scripts build them (steps 1..steps). */
function metrics(keys: number, steps: number): MetricRow[] {
  const rows: MetricRow[] = [];
  for (let id = 1; id <= keys; id++) {
    for (let step = 1; step <= steps; step++)
      rows.push({ key: `metric${id}`, value: id * step * Math.random(), timestamp: Date.now(), step });
  }
  return rows;
}

function params(prefix: string, from: number, count: number): ParamRow[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}-${from + i}`,
    value: String((from + i) * Math.random()),
  }));
}

/**
 * One iteration of the logging script: create a run, one log-metric, log-batch of 20 metrics + 5 params,
 * 40 + 10, 40 metrics, 400 metrics, 10 params, 100 params, 400 metrics + 100 params, update to FINISHED.
 */
function loggingSequence(): AutocannonRequest[] {
  const batches: { metrics?: MetricRow[]; params?: ParamRow[] }[] = [
    { metrics: metrics(5, 4), params: params('param5', 1, 5) },
    { metrics: metrics(10, 4), params: params('param10', 1, 10) },
    { metrics: metrics(10, 4) },
    { metrics: metrics(100, 4) },
    { params: params('param1000', 301, 10) },
    { params: params('param1000', 101, 100) },
    { metrics: metrics(100, 4), params: params('param100', 1, 100) },
  ];
  const withRun =
    (body: (runId: string) => unknown): AutocannonRequest['setupRequest'] =>
    (req, context) =>
      typeof context.runId === 'string' ? { ...req, body: JSON.stringify(body(context.runId)) } : undefined;
  return [
    {
      method: 'POST',
      path: '/api/2.0/mlflow/runs/create',
      headers: JSON_HEADERS,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          experiment_id: '0',
          start_time: Date.now(),
          tags: [{ key: 'mlflow.user', value: 'k6' }],
        }),
      }),
      onResponse: (status, body, context) => {
        context.runId =
          status === 200
            ? (JSON.parse(body) as { run: { info: { run_id: string } } }).run.info.run_id
            : undefined;
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/mlflow/runs/log-metric',
      headers: JSON_HEADERS,
      setupRequest: withRun((runId) => ({
        run_id: runId,
        key: 'metric0',
        value: Math.random(),
        timestamp: Date.now(),
        step: 0,
      })),
    },
    ...batches.map((b): AutocannonRequest => ({
      method: 'POST',
      path: '/api/2.0/mlflow/runs/log-batch',
      headers: JSON_HEADERS,
      setupRequest: withRun((runId) => ({ run_id: runId, ...b })),
    })),
    {
      method: 'POST',
      path: '/api/2.0/mlflow/runs/update',
      headers: JSON_HEADERS,
      setupRequest: withRun((runId) => ({ run_id: runId, end_time: Date.now(), status: 'FINISHED' })),
    },
  ];
}

/**
 * The retrieval script's data: 3 experiments × 3 runs, each run 100 metrics × 4 steps and 100 params.
 * Returns the first experiment and run, which its three timed requests read.
 */
async function seedRetrieval(baseUrl: string, rep: number): Promise<{ experimentId: string; runId: string }> {
  const experimentIds: string[] = [];
  const runIds: string[] = [];
  for (let e = 0; e < 3; e++) {
    const name = `k6-retrieval-${rep}-${e}-${Date.now()}`;
    const { experiment_id } = await postJson<{ experiment_id: string }>(baseUrl, 'experiments/create', {
      name,
    });
    experimentIds.push(experiment_id);
    for (let r = 0; r < 3; r++) runIds.push(await createRun(baseUrl, experiment_id));
  }
  const body = { metrics: metrics(100, 4), params: params('param', 1, 100) };
  await mapLimit(runIds, 3, (runId) => postJson(baseUrl, 'runs/log-batch', { run_id: runId, ...body }));
  return { experimentId: experimentIds[0] ?? '0', runId: runIds[0] ?? '' };
}

export const fasttrackShapes: Workload = {
  id: 8,
  title: "FastTrackML's k6 shapes (logging iteration; search-runs + search-experiments + get-history)",
  shape: (size) =>
    `logging: ${size.fasttrackIterations} iterations of 10 requests, ${VUS} VUs; ` +
    `retrieval: ${size.fasttrackRetrievals} requests over 3×3 runs of 400 metrics + 100 params, ${VUS} VUs`,
  measures: [
    { key: 'itersPerSec', label: 'logging iterations/s', unit: 'it/s', better: 'higher' },
    { key: 'retrievalPerSec', label: 'retrieval requests/s', unit: 'req/s', better: 'higher' },
  ],
  run: async ({ server, rep, size }) => {
    const sequence = loggingSequence();
    const logging = await runLoad({
      baseUrl: server.baseUrl,
      connections: VUS,
      amount: size.fasttrackIterations * sequence.length,
      requests: sequence,
    });
    assertAllOk(logging, 'k6 logging shape');

    const { experimentId, runId } = await seedRetrieval(server.baseUrl, rep);
    // The script's run filter compares a param with `>`, which MLflow rejects (params compare as strings with
    // =, !=, LIKE, ILIKE); the nearest valid query keeps its shape: a metric and a param condition.
    const searchRunsBody = JSON.stringify({
      experiment_ids: [experimentId],
      max_results: 10,
      filter: "metrics.metric1 > 1 and params.param1 LIKE '%'",
    });
    const searchExperimentsBody = JSON.stringify({
      max_results: 10,
      filter: "name LIKE 'k6-retrieval-%' AND tags.key = 'mlflow.user'",
    });
    const retrieval = await runLoad({
      baseUrl: server.baseUrl,
      connections: VUS,
      amount: size.fasttrackRetrievals,
      requests: [
        { method: 'POST', path: '/api/2.0/mlflow/runs/search', headers: JSON_HEADERS, body: searchRunsBody },
        {
          method: 'POST',
          path: '/api/2.0/mlflow/experiments/search',
          headers: JSON_HEADERS,
          body: searchExperimentsBody,
        },
        {
          method: 'GET',
          path: `/api/2.0/mlflow/metrics/get-history?run_id=${runId}&metric_key=metric1`,
        },
      ],
    });
    assertAllOk(retrieval, 'k6 retrieval shape');
    return {
      itersPerSec: logging.ok / sequence.length / (logging.wallMs / 1000),
      retrievalPerSec: retrieval.ok / (retrieval.wallMs / 1000),
    };
  },
};
