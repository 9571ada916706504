// Reads a SQLite database's schema (tables, columns, indexes, foreign keys, DDL) and diffs two of them by name.
import Database from 'better-sqlite3';

type Row = Record<string, unknown>;

export interface SchemaObject {
  /** Every property is compared; the key says what it is, e.g. `table runs column status`. */
  facts: Map<string, string>;
}

function fact(facts: Map<string, string>, name: string, value: unknown): void {
  facts.set(name, JSON.stringify(value));
}

/** Splits at commas outside parentheses. */
function topLevelClauses(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const CONSTRAINT = /^(CONSTRAINT|CHECK|FOREIGN KEY|PRIMARY KEY|UNIQUE)\b/i;

/**
 * Whitespace does not matter, nor the order of table constraints: MLflow's migrations emit the
 * CHECK constraints of `runs` in Python set order, which changes with PYTHONHASHSEED.
 * Column order and everything else must match.
 */
function normalizeSql(sql: unknown): string {
  const text = String(sql ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const open = text.indexOf('(');
  if (!/^CREATE TABLE/i.test(text) || open < 0 || !text.endsWith(')')) return text;
  const clauses = topLevelClauses(text.slice(open + 1, -1));
  const columns = clauses.filter((c) => !CONSTRAINT.test(c));
  const constraints = clauses.filter((c) => CONSTRAINT.test(c)).sort();
  return `${text.slice(0, open)}(${[...columns, ...constraints].join(', ')})`;
}

/** Indexes whose name starts with `ignoreIndexPrefix` (our own extras) are left out. */
export function readSchema(file: string, ignoreIndexPrefix: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  const facts = new Map<string, string>();
  try {
    const objects = db
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Row[];
    for (const o of objects) {
      const name = String(o.name);
      if (o.type === 'index' && name.startsWith(ignoreIndexPrefix)) continue;
      fact(facts, `${o.type} ${name} sql`, normalizeSql(o.sql));
      if (o.type !== 'table') continue;
      for (const c of db.prepare(`PRAGMA table_xinfo("${name}")`).all() as Row[]) {
        const { cid, type, notnull, dflt_value, pk, hidden } = c;
        fact(facts, `table ${name} column ${String(c.name)}`, { cid, type, notnull, dflt_value, pk, hidden });
      }
      for (const i of db.prepare(`PRAGMA index_list("${name}")`).all() as Row[]) {
        const indexName = String(i.name);
        if (indexName.startsWith(ignoreIndexPrefix)) continue;
        const columns = (db.prepare(`PRAGMA index_xinfo("${indexName}")`).all() as Row[]).map((x) => [
          x.name,
          x.desc,
          x.key,
        ]);
        fact(facts, `table ${name} index ${indexName}`, {
          unique: i.unique,
          origin: i.origin,
          partial: i.partial,
          columns,
        });
      }
      const fks = (db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Row[]).map((f) => [
        f.table,
        f.from,
        f.to,
        f.on_update,
        f.on_delete,
        f.seq,
      ]);
      fks.forEach((fk, n) => fact(facts, `table ${name} foreign key ${n}`, fk));
    }
    fact(facts, 'alembic_version', db.prepare('SELECT version_num FROM alembic_version').all());
  } finally {
    db.close();
  }
  return facts;
}

/** Human-readable differences: what is missing on either side and what differs. */
export function diffSchemas(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of expected) {
    const other = actual.get(name);
    if (other === undefined) out.push(`missing in ours: ${name} = ${value}`);
    else if (other !== value) out.push(`differs: ${name}: MLflow ${value} vs ours ${other}`);
  }
  for (const name of actual.keys())
    if (!expected.has(name)) out.push(`extra in ours: ${name} = ${actual.get(name)}`);
  return out;
}
