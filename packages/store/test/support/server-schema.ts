// Reads a PostgreSQL or MySQL database's schema from the catalogs as named facts, for by-name diffs.
import type { ServerDialect, SqlClient } from './server-databases.js';

/** `table runs column status` → its properties as JSON; every fact is compared. */
export type SchemaFacts = Map<string, string>;

/** Our own indexes are allowed extras; so is the alembic stamp's content (not schema). */
const OURS = /^mlflow_ts_/;

const POSTGRES: ReadonlyArray<[string, string]> = [
  [
    'column',
    // Position among live columns: a column MLflow's migrations dropped still counts in ordinal_position.
    `SELECT table_name || ' column ' || column_name AS name,
            row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position) AS position, data_type, character_maximum_length,
            numeric_precision, is_nullable, column_default, is_identity, identity_generation
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  ],
  [
    'constraint',
    `SELECT t.relname || ' constraint ' || c.conname AS name, c.contype, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relnamespace = current_schema()::regnamespace`,
  ],
  [
    'index',
    `SELECT tablename || ' index ' || indexname AS name, indexdef FROM pg_indexes WHERE schemaname = current_schema()`,
  ],
  [
    'trigger',
    `SELECT event_object_table || ' trigger ' || trigger_name || ' ' || event_manipulation AS name,
            action_timing, action_orientation, action_statement
       FROM information_schema.triggers WHERE trigger_schema = current_schema()`,
  ],
  [
    'sequence',
    `SELECT 'sequence ' || sequence_name AS name, data_type, start_value, increment
       FROM information_schema.sequences WHERE sequence_schema = current_schema()`,
  ],
];

const MYSQL: ReadonlyArray<[string, string]> = [
  [
    'table',
    `SELECT CONCAT('table ', table_name) AS name, engine, table_collation
       FROM information_schema.tables WHERE table_schema = DATABASE()`,
  ],
  [
    'column',
    `SELECT CONCAT(table_name, ' column ', column_name) AS name, ordinal_position, column_type, is_nullable,
            column_default, extra, collation_name
       FROM information_schema.columns WHERE table_schema = DATABASE()`,
  ],
  [
    'index',
    `SELECT CONCAT(table_name, ' index ', index_name) AS name, non_unique,
            GROUP_CONCAT(column_name ORDER BY seq_in_index) AS columns
       FROM information_schema.statistics WHERE table_schema = DATABASE() GROUP BY table_name, index_name, non_unique`,
  ],
  [
    'foreign key',
    `SELECT CONCAT(k.table_name, ' foreign key ', k.constraint_name) AS name,
            GROUP_CONCAT(CONCAT(k.column_name, '->', k.referenced_table_name, '.', k.referenced_column_name)
                         ORDER BY k.ordinal_position) AS refs, r.update_rule, r.delete_rule
       FROM information_schema.key_column_usage k
       JOIN information_schema.referential_constraints r
         ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name
      WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
      GROUP BY k.table_name, k.constraint_name, r.update_rule, r.delete_rule`,
  ],
  [
    'check',
    `SELECT CONCAT(table_name, ' check ', constraint_name) AS name, check_clause
       FROM information_schema.check_constraints WHERE constraint_schema = DATABASE()`,
  ],
  [
    'trigger',
    `SELECT CONCAT(event_object_table, ' trigger ', trigger_name) AS name, event_manipulation, action_timing,
            action_statement
       FROM information_schema.triggers WHERE trigger_schema = DATABASE()`,
  ],
];

function lowerKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
}

export async function readServerSchema(dialect: ServerDialect, client: SqlClient): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Map();
  for (const [, query] of dialect === 'postgres' ? POSTGRES : MYSQL) {
    for (const raw of await client.query(query)) {
      const { name, ...rest } = lowerKeys(raw);
      const key = String(name);
      if (/ index mlflow_ts_/.test(key) || OURS.test(key)) continue;
      facts.set(key, JSON.stringify(rest));
    }
  }
  return facts;
}

/** Differences by name: missing on one side, or the same name with other properties. */
export function diffFacts(ours: SchemaFacts, theirs: SchemaFacts): string[] {
  const out: string[] = [];
  for (const [name, value] of theirs) {
    if (!ours.has(name)) out.push(`missing in ours: ${name}`);
    else if (ours.get(name) !== value)
      out.push(`differs: ${name}: ours ${ours.get(name)} vs MLflow ${value}`);
  }
  for (const name of ours.keys()) if (!theirs.has(name)) out.push(`extra in ours: ${name}`);
  return out.sort();
}
