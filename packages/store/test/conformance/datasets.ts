// Conformance: run inputs (datasets with tags, models), outputs, and search-datasets summaries.
import { describe, expect, it } from 'vitest';
import type { DatasetInput } from '@mlflow-ts/protocol';
import { useStore, expectMlflowError, newExperiment, newRun, type StoreFactory } from './harness.js';

function dataset(
  name: string,
  digest: string,
  context?: string,
  extra: Partial<DatasetInput['dataset']> = {},
): DatasetInput {
  return {
    tags: context === undefined ? [] : [{ key: 'mlflow.data.context', value: context }],
    dataset: { name, digest, source_type: 'local', source: `{"uri": "/data/${name}"}`, ...extra },
  };
}

const byName = <T extends { dataset: { name: string } }>(items: readonly T[] | undefined): T[] =>
  [...(items ?? [])].sort((a, b) => a.dataset.name.localeCompare(b.dataset.name));

export function datasetsConformance(factory: StoreFactory): void {
  describe('inputs, outputs and datasets', () => {
    const store = useStore(factory);

    it('logs dataset inputs with their tags; duplicates by (name, digest) keep the first', async () => {
      const run = (await newRun(store(), await newExperiment(store()))).info.run_id;
      await store().logInputs(run, [
        dataset('train', 'd1', 'training', { schema: '{"cols": []}', profile: '{"rows": 3}' }),
        dataset('eval', 'd2'),
        dataset('train', 'd1', 'ignored'),
      ]);
      await store().logInputs(run, [dataset('eval', 'd2', 'later')]);
      const inputs = byName((await store().getRun(run)).inputs?.dataset_inputs);
      expect(inputs).toEqual([
        {
          tags: [],
          dataset: { name: 'eval', digest: 'd2', source_type: 'local', source: '{"uri": "/data/eval"}' },
        },
        {
          tags: [{ key: 'mlflow.data.context', value: 'training' }],
          dataset: {
            name: 'train',
            digest: 'd1',
            source_type: 'local',
            source: '{"uri": "/data/train"}',
            schema: '{"cols": []}',
            profile: '{"rows": 3}',
          },
        },
      ]);
    });

    it('reuses one dataset row per experiment and (name, digest)', async () => {
      const exp = await newExperiment(store());
      const a = (await newRun(store(), exp)).info.run_id;
      const b = (await newRun(store(), exp)).info.run_id;
      await store().logInputs(a, [dataset('ds', 'x', 'training')]);
      await store().logInputs(b, [dataset('ds', 'x', 'eval', { source: 'changed' })]);
      const inputB = (await store().getRun(b)).inputs?.dataset_inputs?.[0];
      expect(inputB?.dataset.source).toBe('{"uri": "/data/ds"}');
      expect(inputB?.tags).toEqual([{ key: 'mlflow.data.context', value: 'eval' }]);
    });

    it('logs model inputs and model outputs', async () => {
      const run = (await newRun(store(), await newExperiment(store()))).info.run_id;
      await store().logInputs(run, [], [{ model_id: 'm-abc' }]);
      await store().logInputs(run, [], [{ model_id: 'm-abc' }]);
      await store().logOutputs(run, [{ model_id: 'm-out', step: 3 }]);
      const fetched = await store().getRun(run);
      expect(fetched.inputs?.model_inputs).toEqual([{ model_id: 'm-abc' }]);
      expect(fetched.outputs?.model_outputs).toEqual([{ model_id: 'm-out', step: 3 }]);
      const found = await store().searchRuns({
        experimentIds: [fetched.info.experiment_id],
        filter: [],
        viewType: 'ALL',
        maxResults: 10,
        orderBy: [],
      });
      expect(found.items[0]?.outputs?.model_outputs).toEqual([{ model_id: 'm-out', step: 3 }]);
      expect(found.items[0]?.inputs?.model_inputs).toBeUndefined();
    });

    it('searchDatasets: distinct summaries with their context, per experiment', async () => {
      const e1 = await newExperiment(store(), 'e1');
      const e2 = await newExperiment(store(), 'e2');
      const r1 = (await newRun(store(), e1)).info.run_id;
      const r2 = (await newRun(store(), e1)).info.run_id;
      const r3 = (await newRun(store(), e2)).info.run_id;
      await store().logInputs(r1, [dataset('train', 'a', 'training'), dataset('raw', 'b')]);
      await store().logInputs(r2, [dataset('train', 'a', 'training')]);
      await store().logInputs(r3, [dataset('test', 'c', 'testing')]);
      const key = (s: { experiment_id: string; name: string; context?: string }) =>
        `${s.experiment_id}/${s.name}/${s.context ?? ''}`;
      const summaries = (await store().searchDatasets([e1, e2])).sort((x, y) => key(x).localeCompare(key(y)));
      expect(summaries).toEqual([
        { experiment_id: e1, name: 'raw', digest: 'b' },
        { experiment_id: e1, name: 'train', digest: 'a', context: 'training' },
        { experiment_id: e2, name: 'test', digest: 'c', context: 'testing' },
      ]);
      expect(await store().searchDatasets(['999'])).toEqual([]);
      await expectMlflowError(
        store().searchDatasets(['x']),
        'INVALID_PARAMETER_VALUE',
        "Invalid experiment ID 'x'. Experiment ID must be a valid integer.",
      );
    });
  });
}
