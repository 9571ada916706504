// Reads the tracking tables' raw rows with generated ids and clock times masked, to compare what two writers stored.
import Database from 'better-sqlite3';

const TABLES = [
  'experiments',
  'experiment_tags',
  'runs',
  'tags',
  'params',
  'metrics',
  'latest_metrics',
  'datasets',
  'inputs',
  'input_tags',
];
/** Columns holding the wall clock at write time; only whether they are set is compared. */
const CLOCK_COLUMNS = new Set(['creation_time', 'last_update_time', 'deleted_time']);

function mask(column: string, value: unknown): unknown {
  if (CLOCK_COLUMNS.has(column)) return value === null ? null : 'T';
  // uuid4 hex ids (runs, datasets, inputs) differ between any two writers.
  return typeof value === 'string' ? value.replace(/[0-9a-f]{32}/g, 'ID') : value;
}

/** Per table, its rows as sorted JSON strings. */
export function readMaskedRows(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => {
        const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
        const masked = rows.map((row) =>
          JSON.stringify(Object.entries(row).map(([k, v]) => [k, mask(k, v)])),
        );
        return [table, masked.sort()];
      }),
    );
  } finally {
    db.close();
  }
}
