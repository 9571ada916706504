// Conformance: search-runs filters on every entity type, ordering with NULLs/NaN last, paging, errors.
import { describe, expect, it } from 'vitest';
import type { Comparison, OrderBy, ViewType } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import {
  useStore,
  expectMlflowError,
  newExperiment,
  type StoreFactory,
  type StoreTraits,
} from './harness.js';

const c = (
  type: Comparison['type'],
  key: string,
  comparator: Comparison['comparator'],
  value: Comparison['value'],
): Comparison => ({ type, key, comparator, value });
const by = (type: OrderBy['type'], key: string, ascending = true): OrderBy => ({ type, key, ascending });

interface Seeded {
  exp: string;
  ids: Record<string, string>;
}

/** Four runs with distinct start times (a oldest … d newest) and a mix of data. */
async function seed(store: TrackingStore): Promise<Seeded> {
  const exp = await newExperiment(store);
  const ids: Record<string, string> = {};
  const spec = [
    { name: 'a', start: 100, metric: 1, param: 'x', tag: 'Red', user: 'ann' },
    { name: 'b', start: 200, metric: Number.NaN, param: 'y', tag: 'red', user: 'bob' },
    { name: 'c', start: 300, metric: 3, param: 'X', tag: undefined, user: 'ann' },
    { name: 'd', start: 400, metric: undefined, param: undefined, tag: 'blue', user: 'cid' },
  ];
  for (const s of spec) {
    const run = await store.createRun({
      experimentId: exp,
      runName: `run-${s.name}`,
      startTime: s.start,
      userId: s.user,
    });
    const id = run.info.run_id;
    ids[s.name] = id;
    await store.logBatch(id, {
      metrics: s.metric === undefined ? [] : [{ key: 'acc', value: s.metric, timestamp: 1, step: 0 }],
      params: s.param === undefined ? [] : [{ key: 'opt', value: s.param }],
      tags: s.tag === undefined ? [] : [{ key: 'color', value: s.tag }],
    });
  }
  await store.updateRun(ids.c ?? '', { status: 'FINISHED', endTime: 350 });
  return { exp, ids };
}

export function searchRunsConformance(factory: StoreFactory, traits: StoreTraits): void {
  describe('search runs', () => {
    const store = useStore(factory);

    async function find(
      s: Seeded,
      filter: Comparison[],
      orderBy: OrderBy[] = [],
      viewType: ViewType = 'ACTIVE_ONLY',
    ): Promise<string[]> {
      const page = await store().searchRuns({
        experimentIds: [s.exp],
        filter,
        orderBy,
        viewType,
        maxResults: 100,
      });
      const names = Object.fromEntries(Object.entries(s.ids).map(([n, id]) => [id, n]));
      return page.items.map((r) => names[r.info.run_id] ?? '?');
    }

    it('returns full runs, newest first by default', async () => {
      const s = await seed(store());
      expect(await find(s, [])).toEqual(['d', 'c', 'b', 'a']);
      const page = await store().searchRuns({
        experimentIds: [s.exp],
        filter: [c('attribute', 'run_name', '=', 'run-a')],
        orderBy: [],
        viewType: 'ACTIVE_ONLY',
        maxResults: 10,
      });
      const run = page.items[0];
      expect(run?.info).toMatchObject({
        run_id: s.ids.a,
        run_name: 'run-a',
        user_id: 'ann',
        start_time: 100,
      });
      expect(run?.data.metrics).toEqual([{ key: 'acc', value: 1, timestamp: 1, step: 0 }]);
      expect(run?.data.params).toEqual([{ key: 'opt', value: 'x' }]);
      expect(run?.inputs?.dataset_inputs).toEqual([]);
    });

    it('metrics compare the latest value; NaN only satisfies !=', async () => {
      const s = await seed(store());
      expect(await find(s, [c('metric', 'acc', '>', 0)])).toEqual(['c', 'a']);
      expect(await find(s, [c('metric', 'acc', '>=', 3)])).toEqual(['c']);
      expect(await find(s, [c('metric', 'acc', '<', 2)])).toEqual(['a']);
      expect(await find(s, [c('metric', 'acc', '=', 0)])).toEqual([]);
      expect(await find(s, [c('metric', 'acc', '!=', 1)])).toEqual(['c', 'b']);
      expect(await find(s, [c('metric', 'missing', '>', 0)])).toEqual([]);
    });

    it('params and tags: =, != and case-sensitive LIKE, case-insensitive ILIKE', async () => {
      const s = await seed(store());
      expect(await find(s, [c('param', 'opt', '=', 'x')])).toEqual(['a']);
      expect(await find(s, [c('param', 'opt', '!=', 'x')])).toEqual(['c', 'b']);
      expect(await find(s, [c('param', 'opt', 'LIKE', 'x')])).toEqual(['a']);
      expect(await find(s, [c('param', 'opt', 'ILIKE', 'x')])).toEqual(['c', 'a']);
      expect(await find(s, [c('tag', 'color', 'LIKE', 'r%')])).toEqual(['b']);
      expect(await find(s, [c('tag', 'color', 'ILIKE', 'R_D')])).toEqual(['b', 'a']);
      expect(await find(s, [c('tag', 'color', 'ILIKE', '%e%'), c('param', 'opt', '=', 'y')])).toEqual(['b']);
    });

    it('IS NULL / IS NOT NULL on params and tags ask whether the key was logged', async () => {
      const s = await seed(store());
      expect(await find(s, [c('param', 'opt', 'IS NULL', '')])).toEqual(['d']);
      expect(await find(s, [c('param', 'opt', 'IS NOT NULL', '')])).toEqual(['c', 'b', 'a']);
      expect(await find(s, [c('tag', 'color', 'IS NULL', '')])).toEqual(['c']);
      expect(await find(s, [c('tag', 'color', 'IS NOT NULL', ''), c('param', 'opt', 'IS NULL', '')])).toEqual(
        ['d'],
      );
    });

    it('attributes: strings, lists, times, run name', async () => {
      const s = await seed(store());
      expect(await find(s, [c('attribute', 'status', '=', 'FINISHED')])).toEqual(['c']);
      expect(await find(s, [c('attribute', 'status', '!=', 'FINISHED')])).toEqual(['d', 'b', 'a']);
      expect(await find(s, [c('attribute', 'user_id', 'IN', ['ann', 'cid'])])).toEqual(['d', 'c', 'a']);
      expect(await find(s, [c('attribute', 'run_id', 'IN', [s.ids.a ?? '', s.ids.b ?? ''])])).toEqual([
        'b',
        'a',
      ]);
      expect(await find(s, [c('attribute', 'run_id', 'NOT IN', [s.ids.a ?? ''])])).toEqual(['d', 'c', 'b']);
      expect(
        await find(s, [c('attribute', 'start_time', '>', 150), c('attribute', 'start_time', '<=', 300)]),
      ).toEqual(['c', 'b']);
      expect(await find(s, [c('attribute', 'end_time', '>', 0)])).toEqual(['c']);
      expect(await find(s, [c('attribute', 'run_name', 'LIKE', 'run-%')])).toHaveLength(4);
      expect(await find(s, [c('attribute', 'run_name', 'ILIKE', 'RUN-D')])).toEqual(['d']);
      expect(await find(s, [c('attribute', 'artifact_uri', 'LIKE', `%${s.ids.b}%`)])).toEqual(['b']);
    });

    it('datasets: name, digest and context', async () => {
      const s = await seed(store());
      const ds = (name: string, digest: string, context: string) => ({
        tags: [{ key: 'mlflow.data.context', value: context }],
        dataset: { name, digest, source_type: 'local', source: 'src' },
      });
      await store().logInputs(s.ids.a ?? '', [ds('train', 'd1', 'training'), ds('eval', 'd2', 'evaluation')]);
      await store().logInputs(s.ids.b ?? '', [ds('train', 'd3', 'training')]);
      expect(await find(s, [c('dataset', 'name', '=', 'train')])).toEqual(['b', 'a']);
      expect(await find(s, [c('dataset', 'digest', 'IN', ['d2', 'd3'])])).toEqual(['b', 'a']);
      expect(await find(s, [c('dataset', 'context', '=', 'evaluation')])).toEqual(['a']);
      expect(
        await find(s, [c('dataset', 'name', '=', 'train'), c('dataset', 'context', 'LIKE', 'eval%')]),
      ).toEqual(['a']);
      expect(await find(s, [c('dataset', 'name', '!=', 'train')])).toEqual(['a']);
    });

    it('orders by metrics (NaN then missing last), params, tags and attributes', async () => {
      const s = await seed(store());
      expect(await find(s, [], [by('metric', 'acc')])).toEqual(['a', 'c', 'b', 'd']);
      expect(await find(s, [], [by('metric', 'acc', false)])).toEqual(['c', 'a', 'b', 'd']);
      expect(await find(s, [], [by('param', 'opt')])).toEqual(['c', 'a', 'b', 'd']);
      // 'red' vs 'Red' tie under MySQL's collation and fall back to start_time DESC, as in MLflow.
      expect(await find(s, [], [by('tag', 'color', false)])).toEqual(
        traits.textCollation === 'binary' ? ['b', 'd', 'a', 'c'] : ['b', 'a', 'd', 'c'],
      );
      expect(await find(s, [], [by('attribute', 'start_time')])).toEqual(['a', 'b', 'c', 'd']);
      expect(await find(s, [], [by('attribute', 'end_time', false)])).toEqual(['c', 'd', 'b', 'a']);
      expect(await find(s, [], [by('attribute', 'user_id'), by('attribute', 'run_name', false)])).toEqual([
        'c',
        'a',
        'b',
        'd',
      ]);
    });

    it('ties fall back to start_time DESC, then run id', async () => {
      const exp = await newExperiment(store());
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push((await store().createRun({ experimentId: exp, startTime: 7, userId: 'u' })).info.run_id);
      const page = await store().searchRuns({
        experimentIds: [exp],
        filter: [],
        orderBy: [],
        viewType: 'ALL',
        maxResults: 10,
      });
      expect(page.items.map((r) => r.info.run_id)).toEqual([...ids].sort());
    });

    it('pages with offset tokens, reading one row ahead (4, 4, 2)', async () => {
      const exp = await newExperiment(store());
      for (let i = 0; i < 10; i++)
        await store().createRun({ experimentId: exp, startTime: 1000 - i, userId: 'u', runName: `r${i}` });
      const names: string[] = [];
      const sizes: number[] = [];
      let pageToken: string | undefined;
      do {
        const page = await store().searchRuns({
          experimentIds: [exp],
          filter: [],
          orderBy: [],
          viewType: 'ALL',
          maxResults: 4,
          pageToken,
        });
        names.push(...page.items.map((r) => r.info.run_name ?? ''));
        sizes.push(page.items.length);
        pageToken = page.nextPageToken;
      } while (pageToken);
      expect(sizes).toEqual([4, 4, 2]);
      expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
      const full = await store().searchRuns({
        experimentIds: [exp],
        filter: [],
        orderBy: [],
        viewType: 'ALL',
        maxResults: 10,
      });
      expect(full.nextPageToken).toBeUndefined();
    });

    it('metric order pages read the best values first and still match the full order', async () => {
      const exp = await newExperiment(store());
      const other = await newExperiment(store(), 'metric-window-other');
      const spec: [string, number | undefined, string][] = [
        ['r0', 5, 'y'],
        ['r1', 7, 'y'],
        ['r2', 7, 'y'],
        ['r3', 1, 'y'],
        ['r4', Number.NaN, 'y'],
        ['r5', undefined, 'y'],
        ['r6', 3, 'y'],
        ['r7', 7, 'n'],
      ];
      const names: Record<string, string> = {};
      let deleted = '';
      for (const [i, [name, value, keep]] of spec.entries()) {
        const run = await store().createRun({
          experimentId: exp,
          runName: name,
          startTime: 100 + i,
          userId: 'u',
        });
        names[run.info.run_id] = name;
        if (name === 'r6') deleted = run.info.run_id;
        await store().logBatch(run.info.run_id, {
          metrics: value === undefined ? [] : [{ key: 'm', value, timestamp: 1, step: 0 }],
          params: [],
          tags: [{ key: 'keep', value: keep }],
        });
      }
      await store().deleteRun(deleted);
      // A better value in another experiment sits in the metric's window but must not show.
      const stray = await store().createRun({ experimentId: other, startTime: 1, userId: 'u' });
      await store().logBatch(stray.info.run_id, {
        metrics: [{ key: 'm', value: 100, timestamp: 1, step: 0 }],
        params: [],
        tags: [{ key: 'keep', value: 'y' }],
      });
      const pages = async (orderBy: OrderBy[]): Promise<string[][]> => {
        const out: string[][] = [];
        let pageToken: string | undefined;
        do {
          const page = await store().searchRuns({
            experimentIds: [exp],
            filter: [c('tag', 'keep', '=', 'y')],
            orderBy,
            viewType: 'ACTIVE_ONLY',
            maxResults: 2,
            pageToken,
          });
          out.push(page.items.map((r) => names[r.info.run_id] ?? '?'));
          pageToken = page.nextPageToken;
        } while (pageToken);
        return out;
      };
      expect(await pages([by('metric', 'm', false)])).toEqual([
        ['r2', 'r1'],
        ['r0', 'r3'],
        ['r4', 'r5'],
      ]);
      expect(await pages([by('metric', 'm')])).toEqual([
        ['r3', 'r0'],
        ['r2', 'r1'],
        ['r4', 'r5'],
      ]);
      expect(await pages([by('metric', 'm', false), by('attribute', 'run_name')])).toEqual([
        ['r1', 'r2'],
        ['r0', 'r3'],
        ['r4', 'r5'],
      ]);
    });

    it('view types and several experiments', async () => {
      const s = await seed(store());
      await store().deleteRun(s.ids.b ?? '');
      expect(await find(s, [], [], 'ACTIVE_ONLY')).toEqual(['d', 'c', 'a']);
      expect(await find(s, [], [], 'DELETED_ONLY')).toEqual(['b']);
      expect(await find(s, [], [], 'ALL')).toEqual(['d', 'c', 'b', 'a']);
      const other = await newExperiment(store(), 'other');
      await store().createRun({ experimentId: other, startTime: 999, userId: 'u' });
      const both = await store().searchRuns({
        experimentIds: [s.exp, other],
        filter: [],
        orderBy: [],
        viewType: 'ALL',
        maxResults: 10,
      });
      expect(both.items).toHaveLength(5);
      expect(both.items[0]?.info.experiment_id).toBe(other);
      expect(
        (
          await store().searchRuns({
            experimentIds: [],
            filter: [],
            orderBy: [],
            viewType: 'ALL',
            maxResults: 10,
          })
        ).items,
      ).toEqual([]);
    });

    it('rejects bad max_results, experiment ids, tokens and duplicate order_by', async () => {
      const exp = await newExperiment(store());
      const search = (over: Partial<Parameters<TrackingStore['searchRuns']>[0]>) =>
        store().searchRuns({
          experimentIds: [exp],
          filter: [],
          orderBy: [],
          viewType: 'ALL',
          maxResults: 10,
          ...over,
        });
      await expectMlflowError(
        search({ maxResults: 0 }),
        'INVALID_PARAMETER_VALUE',
        "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer",
      );
      await expectMlflowError(
        search({ maxResults: 50001 }),
        'INVALID_PARAMETER_VALUE',
        "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000",
      );
      await expectMlflowError(
        search({ experimentIds: ['x'] }),
        'INVALID_PARAMETER_VALUE',
        "Invalid experiment ID 'x'. Experiment ID must be a valid integer.",
      );
      await expectMlflowError(search({ pageToken: 'bad' }), 'INVALID_PARAMETER_VALUE', /Invalid page token/);
      await expectMlflowError(
        search({ orderBy: [by('metric', 'm'), by('metric', 'm', false)] }),
        'INTERNAL_ERROR',
        "`order_by` contains duplicate fields: ['metrics.m', 'metrics.m DESC']",
      );
    });
  });
}
