// Conformance: search-experiments filters, order_by, view types, paging and errors.
import { describe, expect, it } from 'vitest';
import type { Comparison, OrderBy, ViewType } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { collate, useStore, expectMlflowError, type StoreFactory, type StoreTraits } from './harness.js';

async function names(
  store: TrackingStore,
  filter: Comparison[] = [],
  orderBy: OrderBy[] = [],
  viewType: ViewType = 'ACTIVE_ONLY',
): Promise<string[]> {
  return (await store.searchExperiments({ filter, orderBy, viewType, maxResults: 1000 })).items.map(
    (e) => e.name,
  );
}

const attr = (key: string, comparator: Comparison['comparator'], value: Comparison['value']): Comparison => ({
  type: 'attribute',
  key,
  comparator,
  value,
});
const tag = (key: string, comparator: Comparison['comparator'], value: Comparison['value']): Comparison => ({
  type: 'tag',
  key,
  comparator,
  value,
});
const asc = (key: string): OrderBy => ({ type: 'attribute', key, ascending: true });

export function searchExperimentsConformance(factory: StoreFactory, traits: StoreTraits): void {
  describe('search experiments', () => {
    const store = useStore(factory);

    async function seed(): Promise<Record<string, string>> {
      const ids: Record<string, string> = {};
      for (const [name, tags] of [
        ['Alpha', { team: 'red', kind: 'x' }],
        ['alpha-2', { team: 'Red' }],
        ['beta', { team: 'blue' }],
        ['Gamma', {}],
      ] as const) {
        ids[name] = await store().createExperiment({
          name,
          tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
        });
      }
      return ids;
    }

    it('default order is newest first, then experiment id; includes Default', async () => {
      await seed();
      const found = (
        await store().searchExperiments({ filter: [], orderBy: [], viewType: 'ACTIVE_ONLY', maxResults: 100 })
      ).items;
      expect(found).toHaveLength(5);
      const keys = found.map((e) => [e.creation_time ?? 0, Number(e.experiment_id)] as const);
      const sorted = [...keys].sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      expect(keys).toEqual(sorted);
    });

    it('filters on name with =, !=, case-sensitive LIKE and case-insensitive ILIKE', async () => {
      await seed();
      const ordered = [asc('name')];
      expect(await names(store(), [attr('name', '=', 'beta')])).toEqual(['beta']);
      expect(await names(store(), [attr('name', '!=', 'beta')], ordered)).toEqual(
        collate(traits, ['Alpha', 'Default', 'Gamma', 'alpha-2']),
      );
      expect(await names(store(), [attr('name', 'LIKE', 'alpha%')], ordered)).toEqual(['alpha-2']);
      expect(await names(store(), [attr('name', 'LIKE', '_lpha%')], ordered)).toEqual(['Alpha', 'alpha-2']);
      expect(await names(store(), [attr('name', 'ILIKE', 'ALPHA%')], ordered)).toEqual(['Alpha', 'alpha-2']);
    });

    it('filters on tags, ids and times; clauses combine with AND', async () => {
      const ids = await seed();
      const ordered = [asc('name')];
      expect(await names(store(), [tag('team', '=', 'red')], ordered)).toEqual(['Alpha']);
      expect(await names(store(), [tag('team', 'ILIKE', 'red')], ordered)).toEqual(['Alpha', 'alpha-2']);
      expect(await names(store(), [tag('team', '!=', 'red')], ordered)).toEqual(['alpha-2', 'beta']);
      expect(await names(store(), [tag('team', 'IS NOT NULL', '')], ordered)).toEqual([
        'Alpha',
        'alpha-2',
        'beta',
      ]);
      expect(await names(store(), [tag('team', 'IS NULL', '')], ordered)).toEqual(['Default', 'Gamma']);
      expect(await names(store(), [tag('team', 'LIKE', '%e%'), tag('kind', '=', 'x')], ordered)).toEqual([
        'Alpha',
      ]);
      expect(
        await names(store(), [attr('experiment_id', 'IN', [ids.beta ?? '', ids.Gamma ?? ''])], ordered),
      ).toEqual(collate(traits, ['Gamma', 'beta']));
      expect(await names(store(), [attr('experiment_id', '=', '0')])).toEqual(['Default']);
      expect(await names(store(), [attr('experiment_id', 'NOT IN', ['0'])], ordered)).toEqual(
        collate(traits, ['Alpha', 'Gamma', 'alpha-2', 'beta']),
      );
      expect(await names(store(), [attr('creation_time', '>=', 0), attr('name', '=', 'beta')])).toEqual([
        'beta',
      ]);
      expect(await names(store(), [attr('last_update_time', '<', 0)])).toEqual([]);
    });

    it('orders by name (byte-wise), id and times, ascending or descending', async () => {
      await seed();
      const all = ['Alpha', 'Default', 'Gamma', 'alpha-2', 'beta'];
      expect(await names(store(), [], [asc('name')])).toEqual(collate(traits, all));
      expect(await names(store(), [], [{ type: 'attribute', key: 'name', ascending: false }])).toEqual(
        collate(traits, all).reverse(),
      );
      expect(await names(store(), [], [asc('experiment_id')])).toEqual([
        'Default',
        'Alpha',
        'alpha-2',
        'beta',
        'Gamma',
      ]);
      expect(
        await names(store(), [], [{ type: 'attribute', key: 'experiment_id', ascending: false }]),
      ).toEqual(['Gamma', 'beta', 'alpha-2', 'Alpha', 'Default']);
    });

    it('view types select active, deleted or all experiments', async () => {
      const ids = await seed();
      await store().deleteExperiment(ids.beta ?? '');
      const ordered = [asc('name')];
      expect(await names(store(), [], ordered, 'ACTIVE_ONLY')).toEqual(
        collate(traits, ['Alpha', 'Default', 'Gamma', 'alpha-2']),
      );
      expect(await names(store(), [], ordered, 'DELETED_ONLY')).toEqual(['beta']);
      expect(await names(store(), [], ordered, 'ALL')).toHaveLength(5);
    });

    it('pages by reading one row ahead', async () => {
      await seed();
      const seen: string[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const page = await store().searchExperiments({
          filter: [],
          orderBy: [asc('name')],
          viewType: 'ALL',
          maxResults: 2,
          pageToken,
        });
        seen.push(...page.items.map((e) => e.name));
        pageToken = page.nextPageToken;
        pages++;
      } while (pageToken);
      expect(pages).toBe(3);
      expect(seen).toEqual(collate(traits, ['Alpha', 'Default', 'Gamma', 'alpha-2', 'beta']));
      const exact = await store().searchExperiments({
        filter: [],
        orderBy: [],
        viewType: 'ALL',
        maxResults: 5,
      });
      expect(exact.items).toHaveLength(5);
      expect(exact.nextPageToken).toBeUndefined();
    });

    it('rejects bad max_results, comparators, values and order_by entities', async () => {
      const search = (over: Partial<Parameters<TrackingStore['searchExperiments']>[0]>) =>
        store().searchExperiments({ filter: [], orderBy: [], viewType: 'ALL', maxResults: 10, ...over });
      const bad = 'INVALID_PARAMETER_VALUE';
      await expectMlflowError(
        search({ maxResults: 0 }),
        bad,
        "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer",
      );
      await expectMlflowError(
        search({ maxResults: 50001 }),
        bad,
        "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000",
      );
      await expectMlflowError(
        search({ filter: [attr('name', 'IN', ['a'])] }),
        bad,
        'Invalid comparator for string attribute: IN',
      );
      await expectMlflowError(
        search({ filter: [tag('t', 'IN', ['a'])] }),
        bad,
        'Invalid comparator for tag: IN',
      );
      await expectMlflowError(
        search({ filter: [attr('experiment_id', '>', '1')] }),
        bad,
        'Invalid comparator for experiment_id: >',
      );
      await expectMlflowError(
        search({ filter: [attr('creation_time', 'LIKE', '1')] }),
        bad,
        'Invalid comparator for numeric attribute: LIKE',
      );
      await expectMlflowError(
        search({ filter: [attr('creation_time', '>', 1.5)] }),
        bad,
        "Invalid value for numeric attribute 'creation_time': '1.5'",
      );
      await expectMlflowError(
        search({ filter: [attr('experiment_id', '=', 'x')] }),
        bad,
        "Invalid experiment ID 'x'. Experiment ID must be a valid integer.",
      );
      await expectMlflowError(
        search({ filter: [{ type: 'metric', key: 'm', comparator: '=', value: 1 }] }),
        bad,
        'Invalid token type: metric',
      );
      await expectMlflowError(
        search({ orderBy: [{ type: 'tag', key: 't', ascending: true }] }),
        bad,
        'Invalid order_by entity: tag',
      );
      await expectMlflowError(search({ pageToken: '!!!' }), bad, /Invalid page token/);
    });
  });
}
