// f4a9b2c7d1e6: MCP server version columns compare case-sensitively. Only MySQL/MariaDB changes (binary
// collation); it first checks that no reference matches its version only case-insensitively, and stops if one does.
import { sql } from 'kysely';
import { MlflowError } from '@mlflow-ts/protocol';
import type { MigrationStep, StepContext } from '../migration-step.js';

/** Tables whose (workspace, name, version) point at mcp_server_versions, with their column names. */
const REFERENCES = [
  { table: 'mcp_server_version_tags', name: 'name', version: 'version' },
  { table: 'mcp_server_aliases', name: 'name', version: 'version' },
  { table: 'mcp_access_endpoints', name: 'server_name', version: 'server_version' },
] as const;

interface Mismatch {
  workspace: string;
  name: string;
  reference: string;
  version: string;
}

/**
 * A reference that joins under today's case-insensitive collation but differs byte for byte would
 * lose its version once the columns are binary: nothing is changed and the user is told which one.
 */
async function checkReferences(step: StepContext): Promise<void> {
  for (const ref of REFERENCES) {
    const { rows } = await sql<Mismatch>`
      SELECT r.workspace AS workspace, r.${sql.ref(ref.name)} AS name, r.${sql.ref(ref.version)} AS reference,
             v.version AS version
        FROM ${sql.table(ref.table)} r
        JOIN mcp_server_versions v
          ON r.workspace = v.workspace AND r.${sql.ref(ref.name)} = v.name AND r.${sql.ref(ref.version)} = v.version
       WHERE (r.${sql.ref(ref.version)} COLLATE utf8mb4_bin) != (v.version COLLATE utf8mb4_bin)
       LIMIT 1`.execute(step.tx);
    const bad = rows[0];
    if (bad) {
      throw MlflowError.invalidState(
        `Cannot make MCP server versions case-sensitive: ${ref.table}.${ref.version} holds '${bad.reference}' ` +
          `for server '${bad.name}' in workspace '${bad.workspace}', whose stored version is '${bad.version}'. ` +
          'This step changed nothing; fix those references to the exact stored version text and run the upgrade again.',
      );
    }
  }
}

export const step: MigrationStep = {
  revision: 'f4a9b2c7d1e6',
  downRevision: '8b6ad64cb8f5',
  description: 'MCP server versions compare case-sensitively',
  async up(step) {
    if (step.dialect === 'mysql') await checkReferences(step);
    await step.script();
  },
};
