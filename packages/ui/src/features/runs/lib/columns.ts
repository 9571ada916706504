// The runs table's column model: ids, labels, widths, how a cell reads its row, and the server sort key.
import { formatDuration, formatShortTime, formatValue } from '../../../lib/format.js';
import type { RunKeys, RunRow } from './run-row.js';

export type MetricAggregate = 'last' | 'min' | 'max';

/**
 * Column ids are stable strings kept in the URL and in saved preferences:
 * `attr:<name>`, `metric:<key>:<last|min|max>`, `param:<key>`, `tag:<key>`. MLflow keys never hold ':'
 * in the middle of a metric id's aggregate part, so the last ':' separates it.
 */
export type ColumnId = string;

export type ColumnGroup = 'attribute' | 'metric' | 'param' | 'tag';

export interface ColumnSpec {
  readonly id: ColumnId;
  readonly group: ColumnGroup;
  readonly label: string;
  readonly width: number;
  readonly numeric: boolean;
  /** MLflow order_by term without direction; undefined when the server cannot sort by it. */
  readonly sortKey: string | undefined;
  /** For metric min/max: the metric key whose summary this column shows. */
  readonly summary?: { key: string; aggregate: 'min' | 'max' };
  readonly text: (row: RunRow) => string;
}

const attr = (
  name: string,
  label: string,
  width: number,
  text: (r: RunRow) => string,
  sortKey: string | undefined,
): ColumnSpec => ({ id: `attr:${name}`, group: 'attribute', label, width, numeric: false, sortKey, text });

/** Attribute columns after the pinned name column, in MLflow's order. */
export const ATTRIBUTE_COLUMNS: readonly ColumnSpec[] = [
  attr('start_time', 'Created', 150, (r) => formatShortTime(r.startTime), 'attributes.start_time'),
  attr('duration', 'Duration', 100, (r) => formatDuration(r.startTime, r.endTime), undefined),
  attr('status', 'Status', 100, (r) => r.status, 'attributes.status'),
  attr('user_id', 'User', 120, (r) => r.userId, 'attributes.user_id'),
  attr('source', 'Source', 160, (r) => r.tags.get('mlflow.source.name') ?? '', 'tags.`mlflow.source.name`'),
];

export const NAME_COLUMN: ColumnSpec = attr(
  'run_name',
  'Run name',
  220,
  (r) => r.name || r.runId,
  'attributes.run_name',
);

export function metricColumn(key: string, aggregate: MetricAggregate): ColumnSpec {
  const label = aggregate === 'last' ? key : `${key} (${aggregate})`;
  return {
    id: `metric:${key}:${aggregate}`,
    group: 'metric',
    label,
    width: 120,
    numeric: true,
    // Only the latest value is a sort key MLflow's search knows.
    sortKey: aggregate === 'last' ? `metrics.\`${key}\`` : undefined,
    ...(aggregate === 'last' ? {} : { summary: { key, aggregate } }),
    text: aggregate === 'last' ? (r) => formatValue(r.metrics.get(key)) : () => '',
  };
}

export function paramColumn(key: string): ColumnSpec {
  return {
    id: `param:${key}`,
    group: 'param',
    label: key,
    width: 120,
    numeric: false,
    sortKey: `params.\`${key}\``,
    text: (r) => r.params.get(key) ?? '',
  };
}

export function tagColumn(key: string): ColumnSpec {
  return {
    id: `tag:${key}`,
    group: 'tag',
    label: key,
    width: 140,
    numeric: false,
    sortKey: `tags.\`${key}\``,
    text: (r) => r.tags.get(key) ?? '',
  };
}

/** Builds a column from its id, or undefined for an id that no longer parses. */
export function columnFromId(id: ColumnId): ColumnSpec | undefined {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (kind === 'attr') return [NAME_COLUMN, ...ATTRIBUTE_COLUMNS].find((c) => c.id === id);
  if (kind === 'param') return paramColumn(rest);
  if (kind === 'tag') return tagColumn(rest);
  if (kind === 'metric') {
    const last = rest.lastIndexOf(':');
    const aggregate = rest.slice(last + 1);
    if (aggregate !== 'last' && aggregate !== 'min' && aggregate !== 'max') return undefined;
    return metricColumn(rest.slice(0, last), aggregate);
  }
  return undefined;
}

/** What the user changed from the defaults; defaults are every attribute, every metric (last) and param. */
export interface ColumnPrefs {
  readonly hidden: readonly ColumnId[];
  readonly added: readonly ColumnId[];
}

export const EMPTY_PREFS: ColumnPrefs = { hidden: [], added: [] };

export function defaultColumnIds(keys: RunKeys): ColumnId[] {
  return [
    ...ATTRIBUTE_COLUMNS.map((c) => c.id),
    ...keys.metrics.map((k) => metricColumn(k, 'last').id),
    ...keys.params.map((k) => paramColumn(k).id),
  ];
}

export function visibleColumns(keys: RunKeys, prefs: ColumnPrefs): ColumnSpec[] {
  const hidden = new Set(prefs.hidden);
  const ids = [...defaultColumnIds(keys), ...prefs.added].filter((id) => !hidden.has(id));
  const seen = new Set<string>();
  const out: ColumnSpec[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const col = columnFromId(id);
    if (col) out.push(col);
  }
  // Metric columns of one key stay together (last, min, max), whatever order they were added in.
  const groupOrder: Record<ColumnGroup, number> = { attribute: 0, metric: 1, param: 2, tag: 3 };
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => groupOrder[a.c.group] - groupOrder[b.c.group] || metricOrder(a.c, b.c) || a.i - b.i)
    .map((x) => x.c);
}

function metricOrder(a: ColumnSpec, b: ColumnSpec): number {
  if (a.group !== 'metric' || b.group !== 'metric') return 0;
  const ka = a.id.slice(7, a.id.lastIndexOf(':'));
  const kb = b.id.slice(7, b.id.lastIndexOf(':'));
  return ka.localeCompare(kb);
}

/** Shows or hides one column, recording the change against the defaults. */
export function toggleColumn(prefs: ColumnPrefs, keys: RunKeys, id: ColumnId, show: boolean): ColumnPrefs {
  const isDefault = defaultColumnIds(keys).includes(id);
  const hidden = prefs.hidden.filter((h) => h !== id);
  const added = prefs.added.filter((a) => a !== id);
  if (show) return { hidden, added: isDefault ? added : [...added, id] };
  return { hidden: isDefault ? [...hidden, id] : hidden, added };
}
