// W2: create-run followed by log-batch of 10 params on that run, 20 concurrent clients → requests/s.
import { JSON_HEADERS, assertAllOk, runLoad } from '../load.js';
import type { Workload } from '../workload.js';

const CLIENTS = 20;
const PARAMS = 10;

export const createRunParams: Workload = {
  id: 2,
  title: 'create-run + log-batch of 10 params',
  shape: (size) => `${size.createRunRequests} requests (half create-run, half log-batch), ${CLIENTS} clients`,
  measures: [{ key: 'reqPerSec', label: 'requests/s', unit: 'req/s', better: 'higher' }],
  run: async ({ server, seed, size }) => {
    const createBody = JSON.stringify({ experiment_id: seed.writeExperimentId, start_time: Date.now() });
    const result = await runLoad({
      baseUrl: server.baseUrl,
      connections: CLIENTS,
      amount: size.createRunRequests,
      requests: [
        {
          method: 'POST',
          path: '/api/2.0/mlflow/runs/create',
          headers: JSON_HEADERS,
          body: createBody,
          onResponse: (status, body, context) => {
            if (status === 200)
              context.runId = (JSON.parse(body) as { run: { info: { run_id: string } } }).run.info.run_id;
          },
        },
        {
          method: 'POST',
          path: '/api/2.0/mlflow/runs/log-batch',
          headers: JSON_HEADERS,
          // No run id (the create failed): restart the sequence rather than send a request bound to fail.
          setupRequest: (req, context) => {
            if (typeof context.runId !== 'string') return undefined;
            const params = Array.from({ length: PARAMS }, (_, i) => ({
              key: `param_${i}`,
              value: `value-${i}`,
            }));
            return { ...req, body: JSON.stringify({ run_id: context.runId, params }) };
          },
        },
      ],
    });
    assertAllOk(result, 'create-run + log-batch');
    return { reqPerSec: result.ok / (result.wallMs / 1000) };
  },
};
