// The sample `data` a test delivery carries for each event: the values of MLflow's payload `example()` methods.
import { PyFloat } from '@mlflow-ts/protocol';

const TAGS = () => ({ example_key: 'example_value' });

const EXAMPLES: Readonly<Record<string, () => Record<string, unknown>>> = {
  'registered_model.created': () => ({
    name: 'example_model',
    tags: TAGS(),
    description: 'An example registered model',
  }),
  'model_version.created': () => ({
    name: 'example_model',
    version: '1',
    source: 'models:/123',
    run_id: 'abcd1234abcd5678',
    tags: TAGS(),
    description: 'An example model version',
  }),
  'model_version_tag.set': () => ({
    name: 'example_model',
    version: '1',
    key: 'example_key',
    value: 'example_value',
  }),
  'model_version_tag.deleted': () => ({ name: 'example_model', version: '1', key: 'example_key' }),
  'model_version_alias.created': () => ({ name: 'example_model', alias: 'example_alias', version: '1' }),
  'model_version_alias.deleted': () => ({ name: 'example_model', alias: 'example_alias' }),
  'prompt.created': () => ({ name: 'example_prompt', tags: TAGS(), description: 'An example prompt' }),
  'prompt_version.created': () => ({
    name: 'example_prompt',
    version: '1',
    template: 'Hello {{name}}!',
    tags: TAGS(),
    description: 'An example prompt version',
  }),
  'prompt_tag.set': () => ({ name: 'example_prompt', key: 'example_key', value: 'example_value' }),
  'prompt_tag.deleted': () => ({ name: 'example_prompt', key: 'example_key' }),
  'prompt_version_tag.set': () => ({
    name: 'example_prompt',
    version: '1',
    key: 'example_key',
    value: 'example_value',
  }),
  'prompt_version_tag.deleted': () => ({ name: 'example_prompt', version: '1', key: 'example_key' }),
  'prompt_alias.created': () => ({ name: 'example_prompt', alias: 'example_alias', version: '1' }),
  'prompt_alias.deleted': () => ({ name: 'example_prompt', alias: 'example_alias' }),
  'budget_policy.exceeded': () => ({
    budget_policy_id: 'bp-abc123',
    budget_unit: 'USD',
    budget_amount: new PyFloat(100),
    current_spend: 105.5,
    duration_unit: 'MONTHS',
    duration_value: 1,
    target_scope: 'ENDPOINT',
    workspace: 'default',
    target_value: 'ep-abc123',
    window_start: 1704067200000,
  }),
};

/** The example payload of an `entity.action` key; every valid event has one. */
export function examplePayload(eventKey: string): Record<string, unknown> {
  const make = EXAMPLES[eventKey];
  if (!make) throw new Error(`Unknown event type: ${eventKey}`);
  return make();
}
