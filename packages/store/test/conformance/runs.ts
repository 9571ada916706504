// Conformance: run create/update/get/delete/restore, run names and the mlflow.runName tag.
import { describe, expect, it } from 'vitest';
import { useStore, expectMlflowError, newExperiment, newRun, tagsOf, type StoreFactory } from './harness.js';

export function runsConformance(factory: StoreFactory): void {
  describe('runs', () => {
    const store = useStore(factory);

    it('creates a RUNNING run with a uuid4-hex id, artifact uri under the experiment, and a generated name', async () => {
      const exp = await newExperiment(store());
      const location = (await store().getExperiment(exp)).artifact_location;
      const run = await store().createRun({
        experimentId: exp,
        userId: 'alice',
        startTime: 1234,
        tags: [{ key: 't', value: 'v' }],
      });
      const id = run.info.run_id;
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(run.info).toMatchObject({
        run_uuid: id,
        experiment_id: exp,
        user_id: 'alice',
        start_time: 1234,
        status: 'RUNNING',
        lifecycle_stage: 'active',
        artifact_uri: `${location}/${id}/artifacts`,
      });
      expect(run.info.end_time).toBeUndefined();
      expect(run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d{1,4}$/);
      expect((run.info.run_name ?? '').length).toBeLessThanOrEqual(20);
      expect(tagsOf(run)).toEqual({ t: 'v', 'mlflow.runName': run.info.run_name });
      expect(run.data.metrics).toEqual([]);
      expect(run.data.params).toEqual([]);
      expect(run.inputs?.dataset_inputs).toEqual([]);
      const fetched = await store().getRun(id);
      expect(fetched.info).toEqual(run.info);
      expect(tagsOf(fetched)).toEqual(tagsOf(run));
    });

    it('joins the run path onto URI-style experiment locations', async () => {
      const exp = await store().createExperiment({ name: 's3', artifactLocation: 's3://bucket/root' });
      const run = await newRun(store(), exp);
      expect(run.info.artifact_uri).toBe(`s3://bucket/root/${run.info.run_id}/artifacts`);
    });

    it('takes the name from the argument or the mlflow.runName tag; they must agree', async () => {
      const exp = await newExperiment(store());
      const named = await newRun(store(), exp, { runName: 'given' });
      expect(named.info.run_name).toBe('given');
      expect(tagsOf(named)['mlflow.runName']).toBe('given');
      const tagged = await newRun(store(), exp, { tags: [{ key: 'mlflow.runName', value: 'from-tag' }] });
      expect(tagged.info.run_name).toBe('from-tag');
      const both = await newRun(store(), exp, {
        runName: 'same',
        tags: [{ key: 'mlflow.runName', value: 'same' }],
      });
      expect(both.info.run_name).toBe('same');
      await expectMlflowError(
        newRun(store(), exp, { runName: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] }),
        'INVALID_PARAMETER_VALUE',
        "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='a', mlflow.runName='b').",
      );
    });

    it('needs an existing, active experiment', async () => {
      await expectMlflowError(
        newRun(store(), '999'),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=999 exists',
      );
      const exp = await newExperiment(store());
      await store().deleteExperiment(exp);
      await expectMlflowError(
        newRun(store(), exp),
        'INVALID_PARAMETER_VALUE',
        `The experiment ${exp} must be in the 'active' state. Current state is deleted.`,
      );
    });

    it('update sets status, end time and name (renaming also rewrites the tag)', async () => {
      const run = await newRun(store(), await newExperiment(store()), { runName: 'before' });
      const id = run.info.run_id;
      const info = await store().updateRun(id, { status: 'FINISHED', endTime: 5000 });
      expect(info).toMatchObject({ status: 'FINISHED', end_time: 5000, run_name: 'before' });
      const renamed = await store().updateRun(id, { runName: 'after' });
      expect(renamed).toMatchObject({ status: 'FINISHED', end_time: 5000, run_name: 'after' });
      const fetched = await store().getRun(id);
      expect(fetched.info).toEqual(renamed);
      expect(tagsOf(fetched)['mlflow.runName']).toBe('after');
      await expectMlflowError(
        store().updateRun('nope', { status: 'FAILED' }),
        'RESOURCE_DOES_NOT_EXIST',
        'Run with id=nope not found',
      );
    });

    it('setting the mlflow.runName tag renames the run; an empty name changes nothing', async () => {
      const run = await newRun(store(), await newExperiment(store()), { runName: 'one' });
      const id = run.info.run_id;
      await store().setTag(id, { key: 'mlflow.runName', value: 'two' });
      expect((await store().getRun(id)).info.run_name).toBe('two');
      await store().logBatch(id, { tags: [{ key: 'mlflow.runName', value: 'three' }] });
      const fetched = await store().getRun(id);
      expect(fetched.info.run_name).toBe('three');
      expect(tagsOf(fetched)['mlflow.runName']).toBe('three');
      await store().setTag(id, { key: 'mlflow.runName', value: '' });
      expect((await store().getRun(id)).info.run_name).toBe('three');
    });

    it('get: unknown run', async () => {
      await expectMlflowError(
        store().getRun('0123456789abcdef0123456789abcdef'),
        'RESOURCE_DOES_NOT_EXIST',
        'Run with id=0123456789abcdef0123456789abcdef not found',
      );
    });

    it('delete and restore; deleted runs stay readable but refuse updates', async () => {
      const run = await newRun(store(), await newExperiment(store()));
      const id = run.info.run_id;
      await store().deleteRun(id);
      expect((await store().getRun(id)).info.lifecycle_stage).toBe('deleted');
      await store().deleteRun(id);
      await expectMlflowError(
        store().updateRun(id, { status: 'FINISHED' }),
        'INVALID_PARAMETER_VALUE',
        `The run ${id} must be in the 'active' state. Current state is deleted.`,
      );
      await store().restoreRun(id);
      expect((await store().getRun(id)).info.lifecycle_stage).toBe('active');
      await store().restoreRun(id);
      await expectMlflowError(
        store().deleteRun('nope'),
        'RESOURCE_DOES_NOT_EXIST',
        'Run with id=nope not found',
      );
      await expectMlflowError(
        store().restoreRun('nope'),
        'RESOURCE_DOES_NOT_EXIST',
        'Run with id=nope not found',
      );
    });

    it('concurrent creates and logs do not interleave or lose writes', async () => {
      const exp = await newExperiment(store());
      const runs = await Promise.all(
        Array.from({ length: 10 }, (_, i) => newRun(store(), exp, { runName: `r${i}` })),
      );
      await Promise.all(
        runs.flatMap((r) =>
          Array.from({ length: 5 }, (_, step) =>
            store().logBatch(r.info.run_id, {
              metrics: [{ key: 'm', value: step, timestamp: 1, step }],
              params: [{ key: `p${step}`, value: 'x' }],
            }),
          ),
        ),
      );
      for (const r of runs) {
        const fetched = await store().getRun(r.info.run_id);
        expect(fetched.data.params).toHaveLength(5);
        expect(fetched.data.metrics).toEqual([{ key: 'm', value: 4, timestamp: 1, step: 4 }]);
      }
    });
  });
}
