// Conformance: search_registered_models and search_model_versions (filters, prompts, order, paging).
import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  parseModelVersionsFilter,
  parseModelVersionsOrderBy,
  parseRegisteredModelsFilter,
  parseRegisteredModelsOrderBy,
} from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { collate, expectMlflowError, useStore, type StoreFactory, type StoreTraits } from './harness.js';

const PROMPT = { key: 'mlflow.prompt.is_prompt', value: 'true' };

async function seed(store: TrackingStore): Promise<void> {
  const reg = store.registry;
  await reg.createRegisteredModel({ name: 'alpha', tags: [{ key: 'team', value: 'red' }] });
  await reg.createRegisteredModel({ name: 'beta', tags: [{ key: 'team', value: 'blue' }] });
  await reg.createRegisteredModel({ name: 'Gamma' });
  await reg.createRegisteredModel({ name: 'prompt-1', tags: [PROMPT] });
  for (const name of ['alpha', 'alpha', 'beta', 'Gamma'])
    await reg.createModelVersion({
      name,
      source: `s3://b/${name}`,
      runId: name === 'beta' ? 'run-b' : 'run-a',
    });
  await reg.createModelVersion({ name: 'prompt-1', source: 'mlflow-prompt-placeholder', tags: [PROMPT] });
  await reg.setModelVersionTag('alpha', '2', { key: 'env', value: 'prod' });
}

export function registrySearchConformance(factory: StoreFactory, traits: StoreTraits): void {
  describe('registry: search', () => {
    const store = useStore(factory);

    const models = async (filter: string, orderBy: string[] = [], maxResults = 100, pageToken?: string) => {
      const page = await store().registry.searchRegisteredModels({
        filter: parseRegisteredModelsFilter(filter),
        orderBy: parseRegisteredModelsOrderBy(orderBy),
        maxResults,
        pageToken,
      });
      return { names: page.items.map((m) => m.name), token: page.nextPageToken };
    };
    const versions = async (filter: string, orderBy: string[] = [], maxResults = 1000) => {
      const page = await store().registry.searchModelVersions({
        filter: parseModelVersionsFilter(filter),
        orderBy: parseModelVersionsOrderBy(orderBy),
        maxResults,
      });
      return page.items.map((v) => `${v.name}/${v.version}`);
    };

    it('filters models by name and tags and leaves prompts out unless asked', async () => {
      await seed(store());
      expect((await models('')).names).toEqual(collate(traits, ['alpha', 'beta', 'Gamma']));
      expect((await models("name = 'alpha'")).names).toEqual(['alpha']);
      expect((await models("name ILIKE 'GAM%'")).names).toEqual(['Gamma']);
      expect((await models("name LIKE 'a%'")).names).toEqual(['alpha']);
      expect((await models("name IN ('beta', 'alpha')")).names).toEqual(['alpha', 'beta']);
      expect((await models("tags.team != 'red'")).names).toEqual(['beta']);
      expect((await models("tags.`mlflow.prompt.is_prompt` = 'true'")).names).toEqual(['prompt-1']);
      expect((await models("tags.`mlflow.prompt.is_prompt` != 'true'")).names).toEqual(
        collate(traits, ['alpha', 'beta', 'Gamma']),
      );
    });

    it('orders models and pages through them', async () => {
      await seed(store());
      expect((await models('', ['name DESC'])).names).toEqual(
        collate(traits, ['alpha', 'beta', 'Gamma']).reverse(),
      );
      // versions were added after the models, alpha's first, so Gamma was updated last
      expect((await models('', ['timestamp DESC'])).names[0]).toBe('Gamma');
      const first = await models('', ['name'], 2);
      expect(first.names).toHaveLength(2);
      expect(first.token).toBe(btoa('{"offset": 2}'));
      const second = await models('', ['name'], 2, first.token);
      expect(second.names).toHaveLength(1);
      expect(second.token).toBeUndefined();
      await expectMlflowError(
        store().registry.searchRegisteredModels({ filter: [], orderBy: [], maxResults: 1001 }),
        ErrorCode.INVALID_PARAMETER_VALUE,
        'Invalid value for request parameter max_results. It must be at most 1000, but got value 1001',
      );
    });

    it('lists the latest versions of a found model by stage name', async () => {
      const reg = store().registry;
      await reg.createRegisteredModel({ name: 'staged' });
      for (let i = 0; i < 5; i++) await reg.createModelVersion({ name: 'staged', source: `s3://b/${i}` });
      await reg.transitionModelVersionStage('staged', '2', 'Staging', false);
      await reg.transitionModelVersionStage('staged', '4', 'Production', false);
      await reg.transitionModelVersionStage('staged', '1', 'Archived', false);
      const page = await reg.searchRegisteredModels({ filter: [], orderBy: [], maxResults: 10 });
      const latest = page.items[0]?.latest_versions?.map((v) => `${v.current_stage}/${v.version}`);
      expect(latest).toEqual(['Archived/1', 'None/5', 'Production/4', 'Staging/2']);
      // get lists them in the order their stage first appears among the versions
      const got = (await reg.getRegisteredModel('staged')).latest_versions?.map((v) => v.version);
      expect(got).toEqual(['1', '2', '5', '4']);
    });

    it('filters versions by name, run_id IN, version_number, source_path and tags', async () => {
      await seed(store());
      expect(await versions("name = 'alpha'")).toEqual(['alpha/2', 'alpha/1']);
      expect(await versions("run_id IN ('run-b')")).toEqual(['beta/1']);
      expect(await versions("name = 'alpha' AND version_number >= 2")).toEqual(['alpha/2']);
      expect(await versions("name = 'alpha' AND version_number = '1'")).toEqual(['alpha/1']);
      expect(await versions("source_path = 's3://b/beta'")).toEqual(['beta/1']);
      expect(await versions("tags.env = 'prod'")).toEqual(['alpha/2']);
      expect(await versions("tags.`mlflow.prompt.is_prompt` = 'true'")).toEqual(['prompt-1/1']);
      expect(await versions("name = 'alpha'", ['version_number ASC'])).toEqual(['alpha/1', 'alpha/2']);
      await expectMlflowError(
        versions('version_number = 1.5'),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "Invalid value for numeric attribute 'version_number': 1.5",
      );
    });

    it('orders versions newest first by default and leaves deleted ones out', async () => {
      await seed(store());
      await store().registry.deleteModelVersion('beta', '1');
      const page = await store().registry.searchModelVersions({ filter: [], orderBy: [], maxResults: 10 });
      expect(page.items.map((v) => `${v.name}/${v.version}`).sort()).toEqual([
        'Gamma/1',
        'alpha/1',
        'alpha/2',
      ]);
      const times = page.items.map((v) => v.last_updated_timestamp ?? 0);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(page.items.every((v) => (v.aliases ?? []).length === 0)).toBe(true);
    });
  });
}
