// The registry service's events: what it announces to the webhook sink after each committed change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { RegistryEvent } from '../../src/services/registry-events.js';
import { RegistryService } from '../../src/services/registry/index.js';

let t: TestApp;
let events: RegistryEvent[] = [];
let registry: RegistryService;
beforeAll(async () => {
  t = await startTestApp();
  registry = new RegistryService(t.store, t.config, { emit: (e) => events.push(e) }, {});
});
afterAll(async () => t.close());

describe('registry webhook events', () => {
  it('announces model, version, tag and alias changes with MLflow’s payloads', async () => {
    events = [];
    await registry.createRegisteredModel('ev', [{ key: 't', value: '1' }], '');
    await registry.setRegisteredModelTag('ev', 'x', 'y');
    await registry.createModelVersion({
      name: 'ev',
      source: 's3://b/x',
      tags: [],
      runLink: '',
      description: '',
    });
    await registry.setModelVersionTag('ev', '1', 'k', 'v');
    await registry.deleteModelVersionTag('ev', '1', 'k');
    await registry.setRegisteredModelAlias('ev', 'champ', '1');
    await registry.deleteRegisteredModelAlias('ev', 'champ');
    expect(events).toEqual([
      {
        entity: 'registered_model',
        action: 'created',
        payload: { name: 'ev', tags: { t: '1' }, description: '' },
      },
      {
        entity: 'model_version',
        action: 'created',
        payload: { name: 'ev', version: '1', source: 's3://b/x', run_id: null, tags: {}, description: null },
      },
      {
        entity: 'model_version_tag',
        action: 'set',
        payload: { name: 'ev', version: '1', key: 'k', value: 'v' },
      },
      { entity: 'model_version_tag', action: 'deleted', payload: { name: 'ev', version: '1', key: 'k' } },
      {
        entity: 'model_version_alias',
        action: 'created',
        payload: { name: 'ev', alias: 'champ', version: '1' },
      },
      { entity: 'model_version_alias', action: 'deleted', payload: { name: 'ev', alias: 'champ' } },
    ]);
  });

  it('announces the prompt events for prompts, without the marker tags', async () => {
    events = [];
    const marker = { key: 'mlflow.prompt.is_prompt', value: 'true' };
    await registry.createRegisteredModel('pr', [marker, { key: 'a', value: 'b' }], 'd');
    await registry.setRegisteredModelTag('pr', 'x', 'y');
    await registry.createModelVersion({
      name: 'pr',
      source: 'prompt-template',
      tags: [marker, { key: 'mlflow.prompt.text', value: 'Hi {{name}}' }],
      runLink: '',
      description: '',
    });
    await registry.setRegisteredModelAlias('pr', 'prod', '1');
    expect(events).toEqual([
      { entity: 'prompt', action: 'created', payload: { name: 'pr', tags: { a: 'b' }, description: 'd' } },
      { entity: 'prompt_tag', action: 'set', payload: { name: 'pr', key: 'x', value: 'y' } },
      {
        entity: 'prompt_version',
        action: 'created',
        payload: { name: 'pr', version: '1', template: 'Hi {{name}}', tags: {}, description: null },
      },
      { entity: 'prompt_alias', action: 'created', payload: { name: 'pr', alias: 'prod', version: '1' } },
    ]);
  });

  it('announces nothing when the change fails', async () => {
    events = [];
    await expect(registry.createRegisteredModel('a/b', [], '')).rejects.toThrow();
    await expect(registry.setRegisteredModelAlias('ev', 'latest', '1')).rejects.toThrow();
    expect(events).toEqual([]);
  });
});
