// validateLogInputs: dataset and input-tag sizes; messages recorded from a real MLflow 3.18.0 server.
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import { validateDataset, validateInputTag, validateLogInputs } from './log-inputs.js';

const RUN = '419a61fa27ad4aaea8573008a3fc3958';
const ds = (over = {}) => ({ name: 'n', digest: 'd', source_type: 's', source: 'src', ...over });
const req = (dataset: object, tags?: { key: string; value?: string }[]) => ({
  run_id: RUN,
  datasets: [{ dataset: dataset as never, tags }],
});

describe('validateLogInputs', () => {
  it('accepts proto defaults (empty strings) and a tag without value', () => {
    expect(() => validateLogInputs(req(ds({ name: '' }), [{ key: 'k' }]))).not.toThrow();
    expect(() => validateLogInputs({ run_id: RUN })).not.toThrow();
  });
  it.each([
    [{ run_id: 'bad!', datasets: [] }, 'Invalid value "bad!" for parameter \'run_id\' supplied.'],
    [req(ds({ name: 'n'.repeat(501) })), "'name' exceeds the maximum length of 500 characters"],
    [req(ds({ digest: 'd'.repeat(37) })), "'digest' exceeds the maximum length of 36 characters"],
    [req(ds({ source: 's'.repeat(65536) })), "'source' exceeds the maximum length of 65535 characters"],
    [req(ds({ schema: 's'.repeat(1048576) })), "'schema' exceeds the maximum length of 1048575 characters"],
    [req(ds(), [{ key: 'k'.repeat(256), value: 'v' }]), "'key' exceeds the maximum length of 255 characters"],
    [
      req(ds(), [{ key: 'k', value: 'v'.repeat(501) }]),
      "'value' exceeds the maximum length of 500 characters",
    ],
  ])('%#', (request, message) => {
    expect(errorOf(() => validateLogInputs(request))).toEqual(invalid(message));
  });
  it('names missing fields the way MLflow does', () => {
    expect(errorOf(() => validateDataset(null))).toEqual(invalid('Dataset cannot be None'));
    expect(errorOf(() => validateDataset({ name: 'n' }))).toEqual(invalid('Dataset digest cannot be None'));
    expect(errorOf(() => validateDataset(ds({ profile: 'p'.repeat(16777216) })))).toEqual(
      invalid("'profile' exceeds the maximum length of 16777215 characters"),
    );
    expect(errorOf(() => validateInputTag({ key: 'k' }))).toEqual(invalid('InputTag value cannot be None'));
    expect(errorOf(() => validateInputTag(undefined))).toEqual(invalid('InputTag cannot be None'));
  });
});
