// Every row of every table of a SQLite or server database, for before/after comparisons around an upgrade.
import Database from 'better-sqlite3';
import { connect, type ServerDialect } from './server-databases.js';

/** Per table, its rows as JSON of [column, value] pairs, sorted; only `columns` when given per table. */
export type TableRows = Map<string, string[]>;

export type Where = { kind: 'sqlite'; file: string } | { kind: ServerDialect; database: string };

function encode(row: Record<string, unknown>, keep?: readonly string[]): string {
  const entries = Object.entries(row)
    .filter(([k]) => keep === undefined || keep.includes(k))
    .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v instanceof Date ? v.toISOString() : v]);
  return JSON.stringify(entries.sort(([a], [b]) => String(a).localeCompare(String(b))));
}

async function query(where: Where, text: string): Promise<Record<string, unknown>[]> {
  if (where.kind === 'sqlite') {
    const db = new Database(where.file, { readonly: true });
    try {
      return db.prepare(text).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = await connect(where.kind, where.database);
  try {
    return await client.query(text);
  } finally {
    await client.close();
  }
}

export function sqlRows(where: Where, text: string): Promise<Record<string, unknown>[]> {
  return query(where, text);
}

async function tableNames(where: Where): Promise<string[]> {
  const text =
    where.kind === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : where.kind === 'postgres'
        ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()'
        : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()';
  return (await query(where, text)).map((r) => String(r.name ?? r.NAME));
}

/** Rows and the column names of every table (alembic's stamp excluded: it is meant to change). */
export async function readAllRows(
  where: Where,
): Promise<{ rows: TableRows; columns: Map<string, string[]> }> {
  const rows: TableRows = new Map();
  const columns = new Map<string, string[]>();
  for (const table of await tableNames(where)) {
    if (table === 'alembic_version') continue;
    const found = await query(where, `SELECT * FROM ${table}`);
    columns.set(table, found[0] ? Object.keys(found[0]) : []);
    rows.set(table, found.map((r) => encode(r)).sort());
  }
  return { rows, columns };
}

/** `after`'s rows cut down to the columns each table had before, for tables that had rows. */
export async function rowsAsBefore(
  where: Where,
  before: { rows: TableRows; columns: Map<string, string[]> },
) {
  const out: TableRows = new Map();
  for (const [table, rows] of before.rows) {
    if (rows.length === 0) continue;
    const keep = before.columns.get(table) ?? [];
    out.set(table, (await query(where, `SELECT * FROM ${table}`)).map((r) => encode(r, keep)).sort());
  }
  return out;
}

export function nonEmpty(rows: TableRows): TableRows {
  return new Map([...rows].filter(([, list]) => list.length > 0));
}
