// Unit tests of the runs table's column model and its sort/order_by mapping.
import { describe, expect, it } from 'vitest';
import { columnFromId, EMPTY_PREFS, toggleColumn, visibleColumns } from './columns.js';
import { orderByOf, sortFromSearch } from './sort.js';

const keys = { metrics: ['acc', 'loss'], params: ['lr'], tags: ['team'] };

describe('visibleColumns', () => {
  it('shows attributes, every metric (latest value) and every param by default', () => {
    expect(visibleColumns(keys, EMPTY_PREFS).map((c) => c.id)).toEqual([
      'attr:start_time',
      'attr:duration',
      'attr:status',
      'attr:user_id',
      'attr:source',
      'metric:acc:last',
      'metric:loss:last',
      'param:lr',
    ]);
  });

  it('keeps min/max columns beside their metric and records changes against the defaults', () => {
    let prefs = toggleColumn(EMPTY_PREFS, keys, 'metric:acc:min', true);
    prefs = toggleColumn(prefs, keys, 'tag:team', true);
    prefs = toggleColumn(prefs, keys, 'param:lr', false);
    expect(prefs).toEqual({ hidden: ['param:lr'], added: ['metric:acc:min', 'tag:team'] });
    expect(
      visibleColumns(keys, prefs)
        .map((c) => c.id)
        .slice(5),
    ).toEqual(['metric:acc:last', 'metric:acc:min', 'metric:loss:last', 'tag:team']);
    expect(toggleColumn(prefs, keys, 'param:lr', true)).toEqual({ hidden: [], added: prefs.added });
  });
});

describe('columnFromId and sorting', () => {
  it('parses ids; only the latest metric value is a server sort key', () => {
    expect(columnFromId('metric:val.loss:max')?.summary).toEqual({ key: 'val.loss', aggregate: 'max' });
    expect(columnFromId('metric:val.loss:max')?.sortKey).toBeUndefined();
    expect(columnFromId('metric:val loss:last')?.sortKey).toBe('metrics.`val loss`');
    expect(columnFromId('param:a/b')?.sortKey).toBe('params.`a/b`');
    expect(columnFromId('metric:x:median')).toBeUndefined();
    expect(columnFromId('bogus')).toBeUndefined();
  });

  it('reads the sort from the URL and adds a stable tiebreak', () => {
    const sort = sortFromSearch(new URLSearchParams('sort=metric%3Aloss%3Alast&dir=asc'));
    expect(orderByOf(sort)).toEqual(['metrics.`loss` ASC', 'attributes.start_time DESC']);
    expect(orderByOf(sortFromSearch(new URLSearchParams('sort=metric%3Aloss%3Amin')))).toEqual([
      'attributes.start_time DESC',
    ]);
    expect(orderByOf(sortFromSearch(new URLSearchParams()))).toEqual(['attributes.start_time DESC']);
  });
});
