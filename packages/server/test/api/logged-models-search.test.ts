// API tests of POST /mlflow/logged-models/search: filters, datasets, order_by, paging, and MLflow's errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let exp = '';
const ids: Record<string, string> = {};

interface SearchJson {
  models?: { info: { name: string } }[];
  next_page_token?: string;
}

beforeAll(async () => {
  t = await startTestApp();
  exp = ((await post(t.app, '/experiments/create', { name: 'lm-search' })).json as { experiment_id: string })
    .experiment_id;
  const run = (
    (await post(t.app, '/runs/create', { experiment_id: exp })).json as { run: { info: { run_id: string } } }
  ).run.info.run_id;
  for (const [i, name] of ['m1', 'm2', 'm3'].entries()) {
    const res = await post(t.app, '/logged-models', {
      experiment_id: exp,
      name,
      model_type: `type${i % 2}`,
      source_run_id: run,
      tags: [{ key: 't', value: name }],
      params: [{ key: 'p', value: String(i) }],
    });
    ids[name] = (res.json as { model: { info: { model_id: string } } }).model.info.model_id;
    await new Promise((r) => setTimeout(r, 3));
  }
  const metric = (id: string | undefined, value: number, step: number, ds: boolean) => ({
    run_id: run,
    key: 'acc',
    value,
    timestamp: 1 + step,
    step,
    model_id: id,
    ...(ds ? { dataset_name: 'ds', dataset_digest: 'd1' } : {}),
  });
  await post(t.app, '/runs/log-metric', metric(ids.m1, 0.5, 0, true));
  await post(t.app, '/runs/log-metric', metric(ids.m1, 0.9, 1, false));
  await post(t.app, '/runs/log-metric', metric(ids.m2, 0.7, 0, true));
});
afterAll(async () => t.close());

async function search(body: Record<string, unknown>): Promise<SearchJson> {
  const res = await post(t.app, '/logged-models/search', { experiment_ids: [exp], ...body });
  expect(res.status, res.text).toBe(200);
  return res.json as SearchJson;
}
const names = async (body: Record<string, unknown>): Promise<string[]> =>
  ((await search(body)).models ?? []).map((m) => m.info.name);

describe('logged models search: ok', () => {
  it.each([
    ['no filter: newest first', {}, ['m3', 'm2', 'm1']],
    ['attribute =', { filter: "name = 'm1'" }, ['m1']],
    ['LIKE and a param', { filter: "name LIKE 'm%' AND params.p != '0'" }, ['m2', 'm3'].reverse()],
    ['tag IN', { filter: "tags.t IN ('m1','m3')" }, ['m3', 'm1']],
    ['attribute NOT IN', { filter: "model_type NOT IN ('type0')" }, ['m2']],
    ['status by name', { filter: "status = 'PENDING'" }, ['m3', 'm2', 'm1']],
    ['lower-case in', { filter: "name in ('m2')" }, ['m2']],
    ['a double-quoted value keeps its quotes', { filter: 'name = "m1"' }, []],
    ['a backticked key', { filter: "tags.`t` = 'm1'" }, ['m1']],
    ['creation_time alias', { filter: 'creation_time > 0' }, ['m3', 'm2', 'm1']],
    ['latest metric', { filter: 'metrics.acc > 0.6' }, ['m2', 'm1']],
    [
      'latest metric within datasets',
      { filter: 'metrics.acc > 0.6', datasets: [{ dataset_name: 'ds', dataset_digest: 'd1' }] },
      ['m2'],
    ],
    ['datasets alone', { datasets: [{ dataset_name: 'ds', dataset_digest: 'd1' }] }, ['m2', 'm1']],
    ['a dataset without digest matches NULL digests', { datasets: [{ dataset_name: 'ds' }] }, []],
    ['order by name', { order_by: [{ field_name: 'name' }] }, ['m1', 'm2', 'm3']],
    [
      'order by name descending',
      { order_by: [{ field_name: 'name', ascending: false }] },
      ['m3', 'm2', 'm1'],
    ],
    [
      'order by a metric, nulls last',
      { order_by: [{ field_name: 'metrics.acc', ascending: false }] },
      ['m1', 'm2', 'm3'],
    ],
    [
      'order by a metric of a dataset',
      { order_by: [{ field_name: 'metrics.acc', dataset_name: 'ds' }] },
      ['m1', 'm2', 'm3'],
    ],
    ['order by the creation alias', { order_by: [{ field_name: 'creation_timestamp' }] }, ['m1', 'm2', 'm3']],
    ['max_results 0 means the default', { max_results: 0 }, ['m3', 'm2', 'm1']],
    ['an unquoted value is taken as text', { filter: 'name = m1' }, ['m1']],
    ['lower-case and', { filter: "name LIKE 'm%' and params.p = '1'" }, ['m2']],
    ['experiment_id as text', { filter: `experiment_id != '0'` }, ['m3', 'm2', 'm1']],
    ['metric equality', { filter: 'metrics.acc = 0.9' }, ['m1']],
  ])('%s', async (_name, body, expected) => {
    expect(await names(body)).toEqual(expected);
  });

  it('pages with a token that echoes the request, and reads one row ahead', async () => {
    const body = { max_results: 2, order_by: [{ field_name: 'name' }] };
    const first = await search(body);
    expect(first.models?.map((m) => m.info.name)).toEqual(['m1', 'm2']);
    const token = first.next_page_token ?? '';
    expect(atob(token)).toBe(
      `{"experiment_ids": ["${exp}"], "filter_string": null, "order_by": [{"field_name": "name", "ascending": true, "dataset_name": null, "dataset_digest": null}], "offset": 2}`,
    );
    const second = await search({ ...body, page_token: token });
    expect(second).toEqual({
      models: [expect.objectContaining({ info: expect.objectContaining({ name: 'm3' }) })],
    });
    expect((await search({ max_results: 3 })).next_page_token).toBeUndefined();
  });

  it('answers a negative max_results as MLflow does: no models, a token at offset -1', async () => {
    const res = await search({ max_results: -1 });
    expect(res.models).toBeUndefined();
    expect(atob(res.next_page_token ?? '')).toBe(
      `{"experiment_ids": ["${exp}"], "filter_string": null, "order_by": null, "offset": -1}`,
    );
  });
});

describe('logged models search: errors', () => {
  const s = (body: Record<string, unknown>) => () =>
    post(t.app, '/logged-models/search', { experiment_ids: [exp], ...body });
  const token = (json: string): string => btoa(json);
  const bad = 'INVALID_PARAMETER_VALUE';
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'no experiment_ids', send: () => post(t.app, '/logged-models/search', {}), status: 400, code: bad, message: missing('experiment_ids') },
    { name: 'experiment_ids not strings', send: () => post(t.app, '/logged-models/search', { experiment_ids: [1] }), status: 400, code: bad, message: badType('experiment_ids', '[1]', 'list') },
    { name: 'a non-integer experiment id', send: () => post(t.app, '/logged-models/search', { experiment_ids: ['x'] }), status: 400, code: bad, message: "Invalid experiment ID 'x'. Experiment ID must be a valid integer." },
    { name: 'a dataset without name', send: s({ datasets: [{ dataset_digest: 'd1' }] }), status: 400, code: bad, message: '`dataset_name` in the `datasets` clause must be specified.' },
    { name: 'an unknown status', send: s({ filter: "status = 'LOGGED_MODEL_PENDING'" }), status: 400, code: bad, message: "Unknown model status in filter: 'LOGGED_MODEL_PENDING'" },
    { name: 'an unknown status in a list', send: s({ filter: "status IN ('READY', 'x')" }), status: 400, code: bad, message: "Unknown model status in filter: ('READY', 'x')" },
    { name: 'LIKE on status', send: s({ filter: "status LIKE 'P%'" }), status: 400, code: bad, message: 'Invalid comparison operator for status: LIKE' },
    { name: 'LIKE on a timestamp', send: s({ filter: 'creation_time LIKE 0' }), status: 400, code: bad, message: "Invalid comparison operator for attributes.creation_timestamp_ms: 'LIKE'. Expected one of ('<', '<=', '>', '>=', '=', '!=')." },
    { name: '> on a tag', send: s({ filter: "tags.t > 'a'" }), status: 400, code: bad, message: "Invalid comparison operator for tags.t: '>'. Expected one of ('=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN')." },
    { name: 'an unknown entity type', send: s({ filter: "bogus.x = 'x'" }), status: 400, code: bad, message: "Invalid entity type: 'bogus'. Expected one of ['attributes', 'metrics', 'params', 'tags']." },
    { name: 'OR', send: s({ filter: "name = 'm1' OR name = 'm2'" }), status: 400, code: bad, message: "Invalid filter string: \"name = 'm1' OR name = 'm2'\". Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01')." },
    { name: 'a bare identifier', send: s({ filter: 'name' }), status: 400, code: bad, message: "Invalid filter string: 'name'. Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01')." },
    { name: 'two statements', send: s({ filter: "name = 'm1'; name = 'm2'" }), status: 400, code: bad, message: "Invalid filter string: \"name = 'm1'; name = 'm2'\". Expected a single SQL expression." },
    { name: 'an unknown attribute crashes MLflow', send: s({ filter: "foo = 'x'" }), status: 500, code: 'INTERNAL_ERROR', message: "type object 'SqlLoggedModel' has no attribute 'foo'" },
    { name: 'a text value for a timestamp crashes MLflow', send: s({ filter: "creation_time > 'abc'" }), status: 500, code: 'INTERNAL_ERROR', message: "could not convert string to float: \"'abc'\"" },
    { name: 'order by a param', send: s({ order_by: [{ field_name: 'params.p' }] }), status: 400, code: bad, message: 'Invalid order by field name: params.p. Only metrics are supported.' },
    { name: 'a token that is not JSON', send: s({ page_token: '!!!' }), status: 400, code: bad, message: 'Invalid page token: !!!. Expecting value: line 1 column 1 (char 0)' },
    { name: 'a token with bad base64 padding', send: s({ page_token: 'abc' }), status: 500, code: 'INTERNAL_ERROR', message: 'Incorrect padding' },
    { name: 'a token of other experiments', send: () => post(t.app, '/logged-models/search', { experiment_ids: [exp], page_token: token('{"experiment_ids": ["0"], "offset": 1}') }), status: 400, code: bad, message: () => `Experiment IDs in the page token do not match the requested experiment IDs. Expected: ['${exp}']. Found: ['0']` },
    { name: 'a token of another filter', send: () => post(t.app, '/logged-models/search', { experiment_ids: [exp], filter: "name = 'x'", page_token: token(`{"experiment_ids": ["${exp}"], "offset": 1}`) }), status: 400, code: bad, message: "Filter string in the page token does not match the requested filter string. Expected: name = 'x'. Found: None" },
    { name: 'a token of another order', send: () => post(t.app, '/logged-models/search', { experiment_ids: [exp], page_token: token(`{"experiment_ids": ["${exp}"], "order_by": [{"field_name": "name"}], "offset": 1}`) }), status: 400, code: bad, message: "Order by in the page token does not match the requested order by. Expected: None. Found: [{'field_name': 'name'}]" },
    { name: 'a token holding two JSON values', send: s({ page_token: btoa('1 2') }), status: 400, code: bad, message: `Invalid page token: ${btoa('1 2')}. Extra data: line 1 column 3 (char 2)` },
    { name: 'a token with a text offset', send: () => post(t.app, '/logged-models/search', { experiment_ids: [exp], page_token: token(`{"experiment_ids": ["${exp}"], "offset": "x"}`) }), status: 500, code: 'INTERNAL_ERROR', message: "invalid literal for int() with base 10: 'x'" },
    { name: 'clauses are checked in order (status first)', send: s({ filter: "status = 'x' AND foo = 'y'" }), status: 400, code: bad, message: "Unknown model status in filter: 'x'" },
    { name: 'clauses are checked in order (attribute first)', send: s({ filter: "foo = 'y' AND status = 'x'" }), status: 500, code: 'INTERNAL_ERROR', message: "type object 'SqlLoggedModel' has no attribute 'foo'" },
    { name: 'aliases apply to bare names only', send: s({ filter: 'attributes.creation_time > 0' }), status: 500, code: 'INTERNAL_ERROR', message: "type object 'SqlLoggedModel' has no attribute 'creation_time'" },
    { name: 'a text value for a metric', send: s({ filter: "metrics.acc > 'x'" }), status: 500, code: 'INTERNAL_ERROR', message: "could not convert string to float: \"'x'\"" },
    { name: 'a blank filter', send: s({ filter: '   ' }), status: 400, code: bad, message: "Invalid filter string: '   '. Expected a single SQL expression." },
  ];
  errorTable(cases);

  it.each([
    ['nope', 'Invalid order by field name: nope'],
    [undefined, 'Invalid order by field name: '],
  ])('order by the unknown attribute %s: MLflow classes it ATTRIBUTE_NOT_FOUND', async (field, message) => {
    const res = await s({ order_by: [field === undefined ? {} : { field_name: field }] })();
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error_code: bad,
      message,
      sqlstate: 'KAM04',
      error_class: 'ATTRIBUTE_NOT_FOUND',
    });
  });
});
