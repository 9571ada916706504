// Conformance: experiment create/get/delete/restore/rename and experiment tags, with MLflow's errors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  useStore,
  expectMlflowError,
  newRun,
  asRecord,
  type StoreFactory,
  type StoreTraits,
} from './harness.js';

export function experimentsConformance(factory: StoreFactory, traits: StoreTraits): void {
  describe('experiments', () => {
    const store = useStore(factory);

    it('starts with the Default experiment 0 at <root>/0', async () => {
      const exp = await store().getExperiment('0');
      expect(exp).toMatchObject({ experiment_id: '0', name: 'Default', lifecycle_stage: 'active', tags: [] });
      expect(exp.artifact_location).toMatch(/\/0$/);
      expect(exp.creation_time).toBe(exp.last_update_time);
      expect(await store().getExperiment('')).toMatchObject({ experiment_id: '0' });
    });

    it('creates experiments with increasing ids, default location <root>/<id>, times and tags', async () => {
      const root = (await store().getExperiment('0')).artifact_location?.replace(/0$/, '');
      const before = Date.now();
      const id = await store().createExperiment({
        name: 'first',
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: '' },
        ],
      });
      const id2 = await store().createExperiment({ name: 'second' });
      const after = Date.now();
      expect(Number(id2)).toBe(Number(id) + 1);
      const exp = await store().getExperiment(id);
      expect(exp).toMatchObject({
        experiment_id: id,
        name: 'first',
        lifecycle_stage: 'active',
        artifact_location: `${root}${id}`,
      });
      expect(asRecord(exp.tags)).toEqual({ a: '1', b: '' });
      expect(exp.creation_time).toBeGreaterThanOrEqual(before);
      expect(exp.creation_time).toBeLessThanOrEqual(after);
      expect(exp.last_update_time).toBe(exp.creation_time);
    });

    it('keeps an explicit artifact location, making relative local paths absolute', async () => {
      const s3 = await store().createExperiment({ name: 's3', artifactLocation: 's3://bucket/some/path' });
      expect((await store().getExperiment(s3)).artifact_location).toBe('s3://bucket/some/path');
      const rel = await store().createExperiment({ name: 'rel', artifactLocation: 'some/rel' });
      expect((await store().getExperiment(rel)).artifact_location).toBe(path.resolve('some/rel'));
      const abs = await store().createExperiment({ name: 'abs', artifactLocation: '/data/x' });
      expect((await store().getExperiment(abs)).artifact_location).toBe('/data/x');
    });

    it('refuses a duplicate name, also of a deleted experiment', async () => {
      const id = await store().createExperiment({ name: 'dup' });
      await expectMlflowError(
        store().createExperiment({ name: 'dup' }),
        'RESOURCE_ALREADY_EXISTS',
        /^Experiment\(name=dup\) already exists\. Error: /,
      );
      await store().deleteExperiment(id);
      await expectMlflowError(
        store().createExperiment({ name: 'dup' }),
        'RESOURCE_ALREADY_EXISTS',
        /^Experiment\(name=dup\) already exists\. Error: /,
      );
    });

    it('get: unknown and malformed ids', async () => {
      await expectMlflowError(
        store().getExperiment('12345'),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=12345 exists',
      );
      // Beyond the 32-bit INTEGER column of PostgreSQL/MySQL: unknown, never a database error.
      for (const huge of ['4242424242', '-4242424242']) {
        await expectMlflowError(
          store().getExperiment(huge),
          'RESOURCE_DOES_NOT_EXIST',
          `No Experiment with id=${huge} exists`,
        );
        await expectMlflowError(store().deleteExperiment(huge), 'RESOURCE_DOES_NOT_EXIST', /No Experiment/);
        await expectMlflowError(
          store().createRun({ experimentId: huge }),
          'RESOURCE_DOES_NOT_EXIST',
          /No Experiment/,
        );
      }
      const runs = await store().searchRuns({
        experimentIds: ['4242424242'],
        filter: [],
        orderBy: [],
        viewType: 'ALL',
        maxResults: 10,
      });
      expect(runs.items).toEqual([]);
      const byId = (comparator: '=' | '!=' | 'IN') =>
        store().searchExperiments({
          viewType: 'ALL',
          maxResults: 100,
          filter: [
            {
              type: 'attribute',
              key: 'experiment_id',
              comparator,
              value: comparator === 'IN' ? ['4242424242', '0'] : '4242424242',
            },
          ],
          orderBy: [],
        });
      expect((await byId('=')).items).toEqual([]);
      expect((await byId('!=')).items.map((e) => e.experiment_id)).toContain('0');
      expect((await byId('IN')).items.map((e) => e.experiment_id)).toEqual(['0']);
      await expectMlflowError(
        store().getExperiment('abc'),
        'INVALID_PARAMETER_VALUE',
        "Invalid experiment ID 'abc'. Experiment ID must be a valid integer.",
      );
    });

    it('getExperimentByName: found (also deleted), or null', async () => {
      const id = await store().createExperiment({ name: 'Named' });
      expect((await store().getExperimentByName('Named'))?.experiment_id).toBe(id);
      const otherCase = await store().getExperimentByName('named');
      // MLflow's plain `=` follows the collation: MySQL finds 'Named' here.
      if (traits.textCollation === 'binary') expect(otherCase).toBeNull();
      else expect(otherCase?.experiment_id).toBe(id);
      expect(await store().getExperimentByName('nope')).toBeNull();
      await store().deleteExperiment(id);
      expect((await store().getExperimentByName('Named'))?.lifecycle_stage).toBe('deleted');
    });

    it('delete marks the experiment and all its runs deleted; restore reverses both', async () => {
      const id = await store().createExperiment({ name: 'del' });
      const run = await newRun(store(), id);
      const created = await store().getExperiment(id);
      await new Promise((r) => setTimeout(r, 3));
      await store().deleteExperiment(id);
      const deleted = await store().getExperiment(id);
      expect(deleted.lifecycle_stage).toBe('deleted');
      expect(deleted.last_update_time).toBeGreaterThan(created.last_update_time ?? 0);
      expect((await store().getRun(run.info.run_id)).info.lifecycle_stage).toBe('deleted');
      await expectMlflowError(
        store().deleteExperiment(id),
        'RESOURCE_DOES_NOT_EXIST',
        `No Experiment with id=${id} exists`,
      );
      await store().restoreExperiment(id);
      expect((await store().getExperiment(id)).lifecycle_stage).toBe('active');
      expect((await store().getRun(run.info.run_id)).info.lifecycle_stage).toBe('active');
      await expectMlflowError(
        store().restoreExperiment(id),
        'RESOURCE_DOES_NOT_EXIST',
        `No Experiment with id=${id} exists`,
      );
      await expectMlflowError(
        store().deleteExperiment('999'),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=999 exists',
      );
    });

    it('rename: active only; names stay unique', async () => {
      const id = await store().createExperiment({ name: 'old' });
      await store().createExperiment({ name: 'taken' });
      await store().renameExperiment(id, 'new');
      expect((await store().getExperiment(id)).name).toBe('new');
      expect(await store().getExperimentByName('old')).toBeNull();
      await expectMlflowError(store().renameExperiment(id, 'taken'), 'BAD_REQUEST', /./);
      await store().deleteExperiment(id);
      await expectMlflowError(
        store().renameExperiment(id, 'newer'),
        'INVALID_STATE',
        'Cannot rename a non-active experiment.',
      );
      await expectMlflowError(
        store().renameExperiment('999', 'x'),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=999 exists',
      );
    });

    it('tags: upsert, empty and multi-line values, isolation between experiments', async () => {
      const a = await store().createExperiment({ name: 'a' });
      const b = await store().createExperiment({ name: 'b' });
      await store().setExperimentTag(a, { key: 'k', value: 'v1' });
      await store().setExperimentTag(a, { key: 'k', value: 'v2' });
      await store().setExperimentTag(a, { key: 'empty', value: '' });
      await store().setExperimentTag(a, { key: 'multi', value: 'line1\nline2' });
      await store().setExperimentTag(b, { key: 'k', value: 'other' });
      expect(asRecord((await store().getExperiment(a)).tags)).toEqual({
        k: 'v2',
        empty: '',
        multi: 'line1\nline2',
      });
      expect(asRecord((await store().getExperiment(b)).tags)).toEqual({ k: 'other' });
      await store().deleteExperimentTag(a, 'k');
      expect(asRecord((await store().getExperiment(a)).tags)).toEqual({ empty: '', multi: 'line1\nline2' });
      expect(asRecord((await store().getExperiment(b)).tags)).toEqual({ k: 'other' });
    });

    it('tags: errors for missing tags, deleted and unknown experiments', async () => {
      const id = await store().createExperiment({ name: 't' });
      await expectMlflowError(
        store().deleteExperimentTag(id, 'nope'),
        'RESOURCE_DOES_NOT_EXIST',
        `No tag with name: nope in experiment with id ${id}`,
      );
      await store().deleteExperiment(id);
      const inactive = `The experiment ${id} must be in the 'active' state. Current state is deleted.`;
      await expectMlflowError(
        store().setExperimentTag(id, { key: 'k', value: 'v' }),
        'INVALID_PARAMETER_VALUE',
        inactive,
      );
      await expectMlflowError(store().deleteExperimentTag(id, 'k'), 'INVALID_PARAMETER_VALUE', inactive);
      await expectMlflowError(
        store().setExperimentTag('999', { key: 'k', value: 'v' }),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=999 exists',
      );
    });
  });
}
