// Conformance: registered models (create, get, rename, update, delete, tags, latest versions) and aliases.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { asRecord, expectMlflowError, useStore, type StoreFactory } from './harness.js';

const INVALID = ErrorCode.INVALID_PARAMETER_VALUE;
const MISSING = ErrorCode.RESOURCE_DOES_NOT_EXIST;

async function modelWithVersions(store: TrackingStore, name: string, count: number): Promise<void> {
  await store.registry.createRegisteredModel({ name });
  for (let i = 0; i < count; i++)
    await store.registry.createModelVersion({ name, source: `s3://b/${name}/${i}` });
}

export function registryModelsConformance(factory: StoreFactory): void {
  describe('registry: registered models', () => {
    const store = useStore(factory);
    const reg = () => store().registry;

    it('creates a model with tags and description, and reads it back', async () => {
      const before = Date.now();
      const created = await reg().createRegisteredModel({
        name: 'm1',
        description: 'first',
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
          { key: 'b', value: '' },
        ],
      });
      expect(created.name).toBe('m1');
      expect(created.description).toBe('first');
      expect(created.creation_timestamp).toBeGreaterThanOrEqual(before);
      expect(created.last_updated_timestamp).toBe(created.creation_timestamp);
      // a repeated key keeps its last value, as MLflow's dict of the request's tags does
      expect(asRecord(created.tags)).toEqual({ a: '2', b: '' });
      expect(created.latest_versions).toEqual([]);
      expect(await reg().getRegisteredModel('m1')).toEqual(created);
    });

    it('leaves an empty description out', async () => {
      const created = await reg().createRegisteredModel({ name: 'm', description: '' });
      expect(created).not.toHaveProperty('description');
    });

    it('refuses a taken name with the model/prompt wording', async () => {
      await reg().createRegisteredModel({ name: 'taken' });
      await expectMlflowError(
        reg().createRegisteredModel({ name: 'taken' }),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        'Registered Model (name=taken) already exists.',
      );
      await expectMlflowError(
        reg().createRegisteredModel({
          name: 'taken',
          tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }],
        }),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        "Tried to create a prompt with name 'taken', but the name is already taken by a registered model. " +
          'MLflow does not allow creating a model and a prompt with the same name.',
      );
    });

    it('validates names', async () => {
      await expectMlflowError(
        reg().createRegisteredModel({ name: '' }),
        INVALID,
        "Missing value for required parameter 'name'.",
      );
      await expectMlflowError(
        reg().createRegisteredModel({ name: 'a/b' }),
        INVALID,
        "Invalid model name 'a/b'. Names cannot contain '/' or ':'.",
      );
      await expectMlflowError(
        reg().getRegisteredModel('nope'),
        MISSING,
        'Registered Model with name=nope not found',
      );
    });

    it('updates the description and the last-updated time', async () => {
      const created = await reg().createRegisteredModel({ name: 'm' });
      const updated = await reg().updateRegisteredModel('m', 'new text');
      expect(updated.description).toBe('new text');
      expect(updated.last_updated_timestamp).toBeGreaterThanOrEqual(created.last_updated_timestamp ?? 0);
    });

    it('renames a model with its versions, tags and aliases', async () => {
      await modelWithVersions(store(), 'old', 2);
      await reg().setRegisteredModelTag('old', { key: 't', value: 'v' });
      await reg().setModelVersionTag('old', '1', { key: 'vt', value: 'x' });
      await reg().setRegisteredModelAlias('old', 'champ', '2');
      const renamed = await reg().renameRegisteredModel('old', 'new');
      expect(renamed.name).toBe('new');
      expect(asRecord(renamed.tags)).toEqual({ t: 'v' });
      expect(renamed.aliases).toEqual([{ alias: 'champ', version: '2' }]);
      const v1 = await reg().getModelVersion('new', '1');
      expect(asRecord(v1.tags)).toEqual({ vt: 'x' });
      expect(v1.last_updated_timestamp).toBe(renamed.last_updated_timestamp);
      await expectMlflowError(
        reg().getRegisteredModel('old'),
        MISSING,
        'Registered Model with name=old not found',
      );
      await reg().createRegisteredModel({ name: 'other' });
      await expectMlflowError(
        reg().renameRegisteredModel('other', 'new'),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        /^Registered Model \(name=new\) already exists\. Error: /,
      );
      await expectMlflowError(
        reg().renameRegisteredModel('other', ' '),
        INVALID,
        "Missing value for required parameter 'new_name'.",
      );
    });

    it('deletes a model with everything under it; the name can be used again', async () => {
      await modelWithVersions(store(), 'gone', 2);
      await reg().setRegisteredModelTag('gone', { key: 't', value: 'v' });
      await reg().setModelVersionTag('gone', '1', { key: 'vt', value: 'x' });
      await reg().setRegisteredModelAlias('gone', 'a', '1');
      await reg().deleteModelVersion('gone', '2');
      await reg().deleteRegisteredModel('gone');
      await expectMlflowError(
        reg().getRegisteredModel('gone'),
        MISSING,
        'Registered Model with name=gone not found',
      );
      await expectMlflowError(
        reg().deleteRegisteredModel('gone'),
        MISSING,
        'Registered Model with name=gone not found',
      );
      await modelWithVersions(store(), 'gone', 1);
      const again = await reg().getRegisteredModel('gone');
      expect(again.tags).toEqual([]);
      expect(again.aliases).toEqual([]);
      expect(again.latest_versions?.map((v) => v.version)).toEqual(['1']);
    });

    it('sets, overwrites and deletes model tags', async () => {
      await reg().createRegisteredModel({ name: 'm' });
      await reg().setRegisteredModelTag('m', { key: 'k', value: '1' });
      await reg().setRegisteredModelTag('m', { key: 'k', value: '2' });
      expect(asRecord((await reg().getRegisteredModel('m')).tags)).toEqual({ k: '2' });
      await reg().deleteRegisteredModelTag('m', 'k');
      await reg().deleteRegisteredModelTag('m', 'never-set');
      expect((await reg().getRegisteredModel('m')).tags).toEqual([]);
      await expectMlflowError(
        reg().setRegisteredModelTag('m', { key: 'k', value: 'x'.repeat(100_001) }),
        INVALID,
        "'value' exceeds the maximum length of 100000 characters",
      );
      await expectMlflowError(
        reg().setRegisteredModelTag('nope', { key: 'k', value: '1' }),
        MISSING,
        'Registered Model with name=nope not found',
      );
    });

    it('reports the newest version of each stage', async () => {
      await modelWithVersions(store(), 'm', 4);
      await reg().transitionModelVersionStage('m', '1', 'staging', false);
      await reg().transitionModelVersionStage('m', '2', 'Production', false);
      const latest = await reg().getLatestVersions('m', []);
      expect(latest.map((v) => [v.current_stage, v.version])).toEqual([
        ['Staging', '1'],
        ['Production', '2'],
        ['None', '4'],
      ]);
      expect((await reg().getLatestVersions('m', ['production', 'Archived'])).map((v) => v.version)).toEqual([
        '2',
      ]);
      await expectMlflowError(
        reg().getLatestVersions('m', ['bogus']),
        INVALID,
        'Invalid Model Version stage: bogus. Value must be one of None, Staging, Production, Archived.',
      );
      const rm = await reg().getRegisteredModel('m');
      expect(rm.latest_versions?.map((v) => v.version)).toEqual(['1', '2', '4']);
    });
  });

  describe('registry: aliases', () => {
    const store = useStore(factory);
    const reg = () => store().registry;

    it('sets, moves, reads and deletes aliases', async () => {
      await modelWithVersions(store(), 'm', 3);
      await reg().setRegisteredModelAlias('m', 'champ', '1');
      await reg().setRegisteredModelAlias('m', 'champ', '2');
      await reg().setRegisteredModelAlias('m', 'backup', '2');
      const v2 = await reg().getModelVersionByAlias('m', 'champ');
      expect(v2.version).toBe('2');
      expect(v2.aliases).toEqual(['backup', 'champ']);
      expect((await reg().getModelVersion('m', '1')).aliases).toEqual([]);
      expect((await reg().getModelVersionByAlias('m', 'LATEST')).version).toBe('3');
      await reg().deleteRegisteredModelAlias('m', 'champ');
      await reg().deleteRegisteredModelAlias('m', 'champ');
      await expectMlflowError(
        reg().getModelVersionByAlias('m', 'champ'),
        INVALID,
        'Registered model alias champ not found.',
      );
      // deleting a version drops the aliases that point at it
      await reg().deleteModelVersion('m', '2');
      expect((await reg().getRegisteredModel('m')).aliases).toEqual([]);
    });

    it('refuses reserved and malformed alias names and unknown versions', async () => {
      await modelWithVersions(store(), 'm', 1);
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', 'Latest', '1'),
        INVALID,
        "'latest' alias name (case insensitive) is reserved.",
      );
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', 'v12', '1'),
        INVALID,
        "Version alias name 'v12' is reserved.",
      );
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', 'a b', '1'),
        INVALID,
        "Invalid alias name: 'a b'. Names may only contain alphanumerics, underscores (_), and dashes (-).",
      );
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', '', '1'),
        INVALID,
        'Registered model alias name cannot be empty.',
      );
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', 'ok', 'x'),
        INVALID,
        "Parameter 'version' must be an integer, got 'x'.",
      );
      await expectMlflowError(
        reg().setRegisteredModelAlias('m', 'ok', '7'),
        MISSING,
        'Model Version (name=m, version=7) not found',
      );
      await reg().createRegisteredModel({ name: 'empty' });
      await expectMlflowError(
        reg().getModelVersionByAlias('empty', 'latest'),
        MISSING,
        'Latest version not found for model empty.',
      );
    });
  });
}
