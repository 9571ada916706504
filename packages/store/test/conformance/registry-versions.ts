// Conformance: model versions (create, numbering, update, stages, delete, tags, download URI).
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@mlflow-ts/protocol';
import {
  asRecord,
  expectMlflowError,
  newExperiment,
  newRun,
  useStore,
  type StoreFactory,
} from './harness.js';

const INVALID = ErrorCode.INVALID_PARAMETER_VALUE;
const MISSING = ErrorCode.RESOURCE_DOES_NOT_EXIST;

export function registryVersionsConformance(factory: StoreFactory): void {
  describe('registry: model versions', () => {
    const store = useStore(factory);
    const reg = () => store().registry;

    it('creates READY versions numbered 1, 2, … and moves the model time', async () => {
      const rm = await reg().createRegisteredModel({ name: 'm' });
      const v1 = await reg().createModelVersion({
        name: 'm',
        source: 's3://b/1',
        runId: 'r1',
        runLink: 'http://x',
        description: 'd',
        tags: [{ key: 'k', value: 'v' }],
      });
      expect(v1).toMatchObject({
        name: 'm',
        version: '1',
        current_stage: 'None',
        status: 'READY',
        source: 's3://b/1',
        run_id: 'r1',
        run_link: 'http://x',
        description: 'd',
        aliases: [],
      });
      expect(v1).not.toHaveProperty('user_id');
      expect(asRecord(v1.tags)).toEqual({ k: 'v' });
      expect(v1.last_updated_timestamp).toBe(v1.creation_timestamp);
      const v2 = await reg().createModelVersion({ name: 'm', source: 's3://b/2' });
      expect(v2.version).toBe('2');
      expect(v2).not.toHaveProperty('run_id');
      const after = await reg().getRegisteredModel('m');
      expect(after.last_updated_timestamp).toBe(v2.creation_timestamp);
      expect(after.creation_timestamp).toBe(rm.creation_timestamp);
      await expectMlflowError(
        reg().createModelVersion({ name: 'nope', source: 's3://x' }),
        MISSING,
        'Registered Model with name=nope not found',
      );
    });

    it('never reuses the number of a deleted version', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      await reg().createModelVersion({ name: 'm', source: 's3://b/1' });
      await reg().createModelVersion({ name: 'm', source: 's3://b/2' });
      await reg().deleteModelVersion('m', '2');
      await expectMlflowError(
        reg().getModelVersion('m', '2'),
        MISSING,
        'Model Version (name=m, version=2) not found',
      );
      await expectMlflowError(
        reg().deleteModelVersion('m', '2'),
        MISSING,
        'Model Version (name=m, version=2) not found',
      );
      const v3 = await reg().createModelVersion({ name: 'm', source: 's3://b/3' });
      expect(v3.version).toBe('3');
      expect((await reg().getRegisteredModel('m')).latest_versions?.map((v) => v.version)).toEqual(['3']);
    });

    it('gives concurrent creations distinct consecutive numbers', async () => {
      await reg().createRegisteredModel({ name: 'busy' });
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          reg().createModelVersion({ name: 'busy', source: `s3://b/${i}` }),
        ),
      );
      expect(made.map((v) => Number(v.version)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('updates or clears the description', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      await reg().createModelVersion({ name: 'm', source: 's3://b/1', description: 'old' });
      expect((await reg().updateModelVersion('m', '1', 'new')).description).toBe('new');
      expect(await reg().updateModelVersion('m', '1', undefined)).not.toHaveProperty('description');
      await expectMlflowError(
        reg().updateModelVersion('m', 'one', 'x'),
        INVALID,
        "Parameter 'version' must be an integer, got 'one'.",
      );
    });

    it('transitions stages, archiving the versions already there on request', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      for (let i = 1; i <= 3; i++) await reg().createModelVersion({ name: 'm', source: `s3://b/${i}` });
      await reg().transitionModelVersionStage('m', '1', 'production', false);
      await reg().transitionModelVersionStage('m', '2', 'Production', false);
      const v3 = await reg().transitionModelVersionStage('m', '3', 'PRODUCTION', true);
      expect(v3.current_stage).toBe('Production');
      expect((await reg().getModelVersion('m', '1')).current_stage).toBe('Archived');
      expect((await reg().getModelVersion('m', '2')).current_stage).toBe('Archived');
      await expectMlflowError(
        reg().transitionModelVersionStage('m', '1', 'Archived', true),
        ErrorCode.INTERNAL_ERROR,
        "Model version transition cannot archive existing model versions because 'Archived' is not an Active stage. Valid stages are ['Staging', 'Production']",
      );
      await expectMlflowError(
        reg().transitionModelVersionStage('m', '1', 'gold', false),
        INVALID,
        'Invalid Model Version stage: gold. Value must be one of None, Staging, Production, Archived.',
      );
    });

    it('sets and deletes version tags; deleting the version keeps them hidden with it', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      await reg().createModelVersion({ name: 'm', source: 's3://b/1' });
      await reg().setModelVersionTag('m', '1', { key: 'k', value: 'a' });
      await reg().setModelVersionTag('m', '1', { key: 'k', value: 'b' });
      expect(asRecord((await reg().getModelVersion('m', '1')).tags)).toEqual({ k: 'b' });
      await reg().deleteModelVersionTag('m', '1', 'k');
      expect((await reg().getModelVersion('m', '1')).tags).toEqual([]);
      await expectMlflowError(
        reg().setModelVersionTag('m', '9', { key: 'k', value: 'a' }),
        MISSING,
        'Model Version (name=m, version=9) not found',
      );
    });

    it('gives the source (or the referenced location) as download URI', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      await reg().createModelVersion({ name: 'm', source: 'runs:/abc/model' });
      expect(await reg().getModelVersionDownloadUri('m', '1')).toBe('runs:/abc/model');
      await reg().createRegisteredModel({ name: 'copy' });
      const copy = await reg().createModelVersion({ name: 'copy', source: 'models:/m/1' });
      expect(copy.source).toBe('models:/m/1');
      expect(await reg().getModelVersionDownloadUri('copy', '1')).toBe('runs:/abc/model');
    });

    it('takes the run of a logged model for a version made from it', async () => {
      const exp = await newExperiment(store());
      const run = await newRun(store(), exp);
      const model = await store().loggedModels.createLoggedModel({
        experimentId: exp,
        modelType: '',
        sourceRunId: run.info.run_id,
      });
      await reg().createRegisteredModel({ name: 'm' });
      const mv = await reg().createModelVersion({
        name: 'm',
        source: `models:/${model.info.model_id}`,
        modelId: model.info.model_id,
      });
      expect(mv.run_id).toBe(run.info.run_id);
      expect(await reg().getModelVersionDownloadUri('m', '1')).toBe(model.info.artifact_uri);
    });
  });
}
