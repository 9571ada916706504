// Conformance: MLflow 3 logged models — create, finalize, soft delete, tags, params, metrics, search.
import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  parseLoggedModelsFilter,
  parseLoggedModelsOrderBy,
  type LoggedModelOrderInput,
} from '@mlflow-ts/protocol';
import type { SearchLoggedModelsInput, TrackingStore } from '@mlflow-ts/store';
import { asRecord, expectMlflowError, useStore, type StoreFactory } from './harness.js';

const order = (
  fieldName: string,
  ascending = true,
  datasetName: string | null = null,
): LoggedModelOrderInput => ({
  fieldName,
  ascending,
  datasetName,
  datasetDigest: null,
});

async function names(
  store: TrackingStore,
  experimentIds: string[],
  extra: Partial<Omit<SearchLoggedModelsInput, 'filter' | 'orderBy'>> & {
    filter?: string;
    orderBy?: LoggedModelOrderInput[];
  } = {},
): Promise<string[]> {
  const page = await store.loggedModels.searchLoggedModels({
    experimentIds,
    datasets: extra.datasets ?? [],
    offset: extra.offset ?? 0,
    maxResults: extra.maxResults ?? 100,
    filter: parseLoggedModelsFilter(extra.filter),
    orderBy: parseLoggedModelsOrderBy(extra.orderBy ?? []),
  });
  return page.items.map((m) => m.info.name);
}

export function loggedModelsConformance(factory: StoreFactory): void {
  describe('logged models', () => {
    const store = useStore(factory);
    const create = async (experimentId: string, name?: string, extra: Record<string, unknown> = {}) =>
      store().loggedModels.createLoggedModel({
        experimentId,
        name,
        modelType: '',
        sourceRunId: '',
        ...extra,
      });

    it('creates a pending model under <experiment location>/models/<id>/artifacts', async () => {
      const exp = await store().createExperiment({ name: 'lm' });
      const location = (await store().getExperiment(exp)).artifact_location ?? '';
      const before = Date.now();
      const model = await create(exp, 'my-model', {
        modelType: 'agent',
        sourceRunId: 'r1',
        params: [{ key: 'lr', value: '0.1' }],
        tags: [
          { key: 'b', value: '2' },
          { key: 'a', value: '1' },
        ],
      });
      const { info } = model;
      expect(info.model_id).toMatch(/^m-[0-9a-f]{32}$/);
      expect(info).toMatchObject({
        experiment_id: exp,
        name: 'my-model',
        status: 'LOGGED_MODEL_PENDING',
        model_type: 'agent',
        source_run_id: 'r1',
        artifact_uri: `${location}/models/${info.model_id}/artifacts`,
      });
      expect(info.creation_timestamp_ms).toBeGreaterThanOrEqual(before);
      expect(info.last_updated_timestamp_ms).toBe(info.creation_timestamp_ms);
      expect(info.tags).toEqual([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ]);
      expect(model.data).toEqual({ params: [{ key: 'lr', value: '0.1' }] });
      expect(await store().loggedModels.getLoggedModel(info.model_id)).toEqual(model);
    });

    it('generates a name when none is given and refuses bad names', async () => {
      const exp = await store().createExperiment({ name: 'lm-names' });
      expect((await create(exp)).info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
      await expectMlflowError(
        create(exp, 'a.b'),
        ErrorCode.INVALID_PARAMETER_VALUE,
        `Invalid model name ('a.b') provided. Model name must be a non-empty string and cannot contain the following characters: ('/', ':', '.', '%', '"', "'")`,
      );
      await expectMlflowError(
        create(exp, ''),
        ErrorCode.INVALID_PARAMETER_VALUE,
        /^Invalid model name \(''\)/,
      );
    });

    it('needs an active experiment', async () => {
      await expectMlflowError(
        create('12345'),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        'No Experiment with id=12345 exists',
      );
      const exp = await store().createExperiment({ name: 'lm-gone' });
      await store().deleteExperiment(exp);
      await expectMlflowError(
        create(exp),
        ErrorCode.INVALID_PARAMETER_VALUE,
        `The experiment ${exp} must be in the 'active' state. Current state is deleted.`,
      );
    });

    it('refuses a key twice in one create as an integrity error and keeps nothing', async () => {
      const exp = await store().createExperiment({ name: 'lm-dup' });
      const dup = [
        { key: 'p', value: 'v' },
        { key: 'p', value: 'w' },
      ];
      const error = await expectMlflowError(
        create(exp, 'x', { params: dup }),
        ErrorCode.BAD_REQUEST,
        /logged_model_params/,
      );
      expect(error.message).toMatch(
        /\[parameters: \[\('m-[0-9a-f]+', '\d+', 'p', 'v'\), \('m-[0-9a-f]+', '\d+', 'p', 'w'\)\]\]/,
      );
      expect(await names(store(), [exp])).toEqual([]);
    });

    it('finalizes, soft-deletes, and finds deleted models only when allowed', async () => {
      const exp = await store().createExperiment({ name: 'lm-life' });
      const { info } = await create(exp, 'life');
      const ready = await store().loggedModels.finalizeLoggedModel(info.model_id, 'LOGGED_MODEL_READY');
      expect(ready.info.status).toBe('LOGGED_MODEL_READY');
      expect(ready.info.last_updated_timestamp_ms).toBeGreaterThanOrEqual(info.last_updated_timestamp_ms);
      await store().loggedModels.deleteLoggedModel(info.model_id);
      const missing = `Logged model with ID '${info.model_id}' not found.`;
      await expectMlflowError(
        store().loggedModels.getLoggedModel(info.model_id),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        missing,
      );
      expect((await store().loggedModels.getLoggedModel(info.model_id, true)).info.status).toBe(
        'LOGGED_MODEL_READY',
      );
      // MLflow's writes look the model up without the deleted check.
      await store().loggedModels.deleteLoggedModel(info.model_id);
      await store().loggedModels.setLoggedModelTags(info.model_id, [{ key: 'k', value: 'v' }]);
      expect(await names(store(), [exp])).toEqual([]);
      const lm = store().loggedModels;
      const calls = [
        () => lm.getLoggedModel('m-nope', true),
        () => lm.finalizeLoggedModel('m-nope', 'LOGGED_MODEL_READY'),
        () => lm.deleteLoggedModel('m-nope'),
        () => lm.setLoggedModelTags('m-nope', []),
        () => lm.deleteLoggedModelTag('m-nope', 'k'),
        () => lm.logLoggedModelParams('m-nope', []),
      ];
      for (const call of calls) {
        await expectMlflowError(
          call(),
          ErrorCode.RESOURCE_DOES_NOT_EXIST,
          "Logged model with ID 'm-nope' not found.",
        );
      }
    });

    it('upserts tags (last value of a repeated key wins) and deletes them', async () => {
      const exp = await store().createExperiment({ name: 'lm-tags' });
      const id = (await create(exp, 't', { tags: [{ key: 'a', value: '1' }] })).info.model_id;
      await store().loggedModels.setLoggedModelTags(id, [
        { key: 'a', value: '2' },
        { key: 'b', value: 'x' },
        { key: 'b', value: 'y' },
      ]);
      expect(asRecord((await store().loggedModels.getLoggedModel(id)).info.tags)).toEqual({ a: '2', b: 'y' });
      await store().loggedModels.deleteLoggedModelTag(id, 'a');
      expect(asRecord((await store().loggedModels.getLoggedModel(id)).info.tags)).toEqual({ b: 'y' });
      await expectMlflowError(
        store().loggedModels.deleteLoggedModelTag(id, 'a'),
        ErrorCode.RESOURCE_DOES_NOT_EXIST,
        `No tag with key 'a' found for model with ID '${id}'.`,
      );
    });

    it('logs params once per key', async () => {
      const exp = await store().createExperiment({ name: 'lm-params' });
      const id = (await create(exp, 'p')).info.model_id;
      await store().loggedModels.logLoggedModelParams(id, [{ key: 'q', value: '1' }]);
      expect((await store().loggedModels.getLoggedModel(id)).data.params).toEqual([{ key: 'q', value: '1' }]);
      const error = await expectMlflowError(
        store().loggedModels.logLoggedModelParams(id, [{ key: 'q', value: '2' }]),
        ErrorCode.BAD_REQUEST,
        /logged_model_params/,
      );
      expect(error.message).toContain(`'${id}', ${exp}, 'q', '2'`);
    });

    it('keeps metrics logged with a model id on the model', async () => {
      const exp = await store().createExperiment({ name: 'lm-metrics' });
      const id = (await create(exp, 'm')).info.model_id;
      const run = await store().createRun({ experimentId: exp });
      const runId = run.info.run_id;
      await store().logMetric(runId, {
        key: 'acc',
        value: 0.5,
        timestamp: 10,
        step: 0,
        model_id: id,
        dataset_name: 'ds',
        dataset_digest: 'd1',
      });
      await store().logBatch(runId, {
        metrics: [{ key: 'acc', value: 0.9, timestamp: 20, step: 1, model_id: id }],
      });
      expect((await store().loggedModels.getLoggedModel(id)).data.metrics).toEqual([
        {
          key: 'acc',
          value: 0.5,
          timestamp: 10,
          step: 0,
          dataset_name: 'ds',
          dataset_digest: 'd1',
          model_id: id,
          run_id: runId,
        },
        { key: 'acc', value: 0.9, timestamp: 20, step: 1, model_id: id, run_id: runId },
      ]);
    });

    describe('search', () => {
      async function seed(): Promise<{ exp: string; ids: Record<string, string> }> {
        const exp = await store().createExperiment({ name: 'lm-search' });
        const run = (await store().createRun({ experimentId: exp })).info.run_id;
        const ids: Record<string, string> = {};
        for (const [i, name] of ['m1', 'm2', 'm3'].entries()) {
          const m = await create(exp, name, {
            modelType: `type${i % 2}`,
            sourceRunId: run,
            tags: [{ key: 't', value: name }],
            params: [{ key: 'p', value: String(i) }],
          });
          ids[name] = m.info.model_id;
          await new Promise((r) => setTimeout(r, 3));
        }
        const metric = (id: string, value: number, step: number, ds?: [string, string]) => ({
          key: 'acc',
          value,
          timestamp: 1 + step,
          step,
          model_id: id,
          ...(ds ? { dataset_name: ds[0], dataset_digest: ds[1] } : {}),
        });
        await store().logBatch(run, {
          metrics: [
            metric(ids.m1 ?? '', 0.5, 0, ['ds', 'd1']),
            metric(ids.m1 ?? '', 0.9, 1),
            metric(ids.m2 ?? '', 0.7, 0, ['ds', 'd1']),
          ],
        });
        await store().loggedModels.finalizeLoggedModel(ids.m3 ?? '', 'LOGGED_MODEL_READY');
        return { exp, ids };
      }

      it('returns the newest first, and filters on attributes, params, tags, status', async () => {
        const { exp } = await seed();
        expect(await names(store(), [exp])).toEqual(['m3', 'm2', 'm1']);
        expect(await names(store(), [exp], { filter: "name = 'm1'" })).toEqual(['m1']);
        expect(await names(store(), [exp], { filter: "name LIKE 'm%' AND params.p != '0'" })).toEqual([
          'm3',
          'm2',
        ]);
        expect(await names(store(), [exp], { filter: "tags.t IN ('m1','m3')" })).toEqual(['m3', 'm1']);
        expect(await names(store(), [exp], { filter: "model_type NOT IN ('type0')" })).toEqual(['m2']);
        expect(await names(store(), [exp], { filter: "status = 'READY'" })).toEqual(['m3']);
        expect(await names(store(), [exp], { filter: "status IN ('PENDING')" })).toEqual(['m2', 'm1']);
        expect(await names(store(), [exp], { filter: 'creation_time > 0' })).toEqual(['m3', 'm2', 'm1']);
        expect(await names(store(), [exp], { filter: "name ILIKE 'M1'" })).toEqual(['m1']);
        expect(await names(store(), [exp], { filter: "name = 'M1'" })).toEqual([]);
        expect(await names(store(), ['99999'])).toEqual([]);
      });

      it('compares the latest metric value, scoped by datasets', async () => {
        const { exp } = await seed();
        expect(await names(store(), [exp], { filter: 'metrics.acc > 0.6' })).toEqual(['m2', 'm1']);
        expect(await names(store(), [exp], { filter: 'metrics.acc < 0.8' })).toEqual(['m2']);
        const d1 = [{ name: 'ds', digest: 'd1' }];
        expect(await names(store(), [exp], { filter: 'metrics.acc > 0.6', datasets: d1 })).toEqual(['m2']);
        expect(await names(store(), [exp], { datasets: d1 })).toEqual(['m2', 'm1']);
        // A dataset given without a digest matches only metrics that have none.
        expect(await names(store(), [exp], { datasets: [{ name: 'ds', digest: null }] })).toEqual([]);
      });

      it('orders by attributes and latest metrics with nulls last, and pages', async () => {
        const { exp } = await seed();
        expect(await names(store(), [exp], { orderBy: [order('name')] })).toEqual(['m1', 'm2', 'm3']);
        expect(await names(store(), [exp], { orderBy: [order('name', false)] })).toEqual(['m3', 'm2', 'm1']);
        expect(await names(store(), [exp], { orderBy: [order('creation_timestamp')] })).toEqual([
          'm1',
          'm2',
          'm3',
        ]);
        expect(await names(store(), [exp], { orderBy: [order('metrics.acc', false)] })).toEqual([
          'm1',
          'm2',
          'm3',
        ]);
        expect(await names(store(), [exp], { orderBy: [order('metrics.acc', true, 'ds')] })).toEqual([
          'm1',
          'm2',
          'm3',
        ]);
        expect(await names(store(), [exp], { orderBy: [order('metrics.acc', true)] })).toEqual([
          'm2',
          'm1',
          'm3',
        ]);
        const first = await store().loggedModels.searchLoggedModels({
          experimentIds: [exp],
          filter: [],
          datasets: [],
          orderBy: parseLoggedModelsOrderBy([order('name')]),
          offset: 0,
          maxResults: 2,
        });
        expect(first.items.map((m) => m.info.name)).toEqual(['m1', 'm2']);
        expect(first.hasMore).toBe(true);
        const rest = await names(store(), [exp], { orderBy: [order('name')], offset: 2, maxResults: 2 });
        expect(rest).toEqual(['m3']);
      });
    });
  });
}
