// Conformance: the mlflow-ts move-runs extension (all-or-nothing, artifacts untouched, datasets follow).
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@mlflow-ts/protocol';
import { expectMlflowError, newExperiment, newRun, useStore, type StoreFactory } from './harness.js';

export function moveRunsConformance(factory: StoreFactory): void {
  describe('move runs (extension)', () => {
    const store = useStore(factory);

    it('moves runs with their data; artifact_uri and everything else stay as they were', async () => {
      const from = await newExperiment(store(), 'from');
      const to = await newExperiment(store(), 'to');
      const run = await newRun(store(), from, { runName: 'r1' });
      const id = run.info.run_id;
      await store().logBatch(id, {
        metrics: [{ key: 'm', value: 1.5, timestamp: 5, step: 0 }],
        params: [{ key: 'p', value: 'v' }],
        tags: [{ key: 't', value: 'x' }],
      });
      const [info] = await store().moveRuns({ runIds: [id], experimentId: to });
      expect(info).toMatchObject({
        run_id: id,
        experiment_id: to,
        run_name: 'r1',
        artifact_uri: run.info.artifact_uri,
      });
      const moved = await store().getRun(id);
      expect(moved.info.experiment_id).toBe(to);
      expect(moved.info.artifact_uri).toBe(run.info.artifact_uri);
      expect(moved.data.metrics?.map((m) => [m.key, m.value])).toEqual([['m', 1.5]]);
      expect(moved.data.params).toEqual([{ key: 'p', value: 'v' }]);
      const inTarget = await store().searchRuns({
        experimentIds: [to],
        filter: [],
        viewType: 'ACTIVE_ONLY',
        maxResults: 10,
        orderBy: [],
      });
      expect(inTarget.items.map((r) => r.info.run_id)).toEqual([id]);
    });

    it('moves nothing when one run is missing or deleted', async () => {
      const from = await newExperiment(store(), 'from');
      const to = await newExperiment(store(), 'to');
      const a = (await newRun(store(), from)).info.run_id;
      const b = (await newRun(store(), from)).info.run_id;
      await store().deleteRun(b);
      await expectMlflowError(
        store().moveRuns({ runIds: [a, 'missing-run'], experimentId: to }),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        'Run with id=missing-run not found',
      );
      await expectMlflowError(
        store().moveRuns({ runIds: [a, b], experimentId: to }),
        ErrorCode.INVALID_PARAMETER_VALUE,
        `The run ${b} must be in the 'active' state. Current state is deleted.`,
      );
      expect((await store().getRun(a)).info.experiment_id).toBe(from);
    });

    it('refuses a missing or deleted target experiment', async () => {
      const from = await newExperiment(store(), 'from');
      const gone = await newExperiment(store(), 'gone');
      await store().deleteExperiment(gone);
      const a = (await newRun(store(), from)).info.run_id;
      await expectMlflowError(
        store().moveRuns({ runIds: [a], experimentId: '424242' }),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        'No Experiment with id=424242 exists',
      );
      await expectMlflowError(
        store().moveRuns({ runIds: [a], experimentId: gone }),
        ErrorCode.INVALID_PARAMETER_VALUE,
        `The experiment ${gone} must be in the 'active' state. Current state is deleted.`,
      );
    });

    it("gives the target experiment the moved runs' datasets, reusing one it already has", async () => {
      const from = await newExperiment(store(), 'from');
      const to = await newExperiment(store(), 'to');
      const dataset = { name: 'iris', digest: 'd1', source_type: 'local', source: '/iris.csv' };
      const stay = (await newRun(store(), from)).info.run_id;
      const go = (await newRun(store(), from)).info.run_id;
      const already = (await newRun(store(), to)).info.run_id;
      for (const id of [stay, go, already]) await store().logInputs(id, [{ dataset, tags: [] }]);
      await store().moveRuns({ runIds: [go], experimentId: to });
      const summaries = await store().searchDatasets([from, to]);
      expect(summaries.map((s) => [s.experiment_id, s.name, s.digest]).sort()).toEqual([
        [from, 'iris', 'd1'],
        [to, 'iris', 'd1'],
      ]);
      expect((await store().getRun(go)).inputs?.dataset_inputs?.map((i) => i.dataset.name)).toEqual(['iris']);
      expect((await store().getRun(stay)).inputs?.dataset_inputs?.map((i) => i.dataset.name)).toEqual([
        'iris',
      ]);
    });
  });
}
