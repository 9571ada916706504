// One throwaway database per test file, emptied before each test, behind a conformance StoreFactory.
import { afterAll } from 'vitest';
import { openTrackingStore, type TrackingStore } from '@mlflow-ts/store';
import {
  connect,
  createDatabase,
  dropDatabase,
  storeUri,
  type ServerDialect,
  type SqlClient,
} from './server-databases.js';

const TABLES_SQL: Readonly<Record<ServerDialect, string>> = {
  postgres:
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'alembic_version'",
  mysql:
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'alembic_version'",
};

/** Empties every MLflow table and restarts experiment ids, so the store re-creates experiment 0. */
async function emptyTables(dialect: ServerDialect, client: SqlClient): Promise<void> {
  const tables = (await client.query(TABLES_SQL[dialect])).map((r) => String(r.name ?? r.NAME));
  if (dialect === 'postgres') {
    await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    return;
  }
  const deletes = tables.map((t) => `DELETE FROM \`${t}\`;`).join(' ');
  await client.query(
    `SET FOREIGN_KEY_CHECKS = 0; ${deletes} SET FOREIGN_KEY_CHECKS = 1; ALTER TABLE experiments AUTO_INCREMENT = 1;`,
  );
}

/**
 * The first call creates the database and lets the store build MLflow's schema in it; later
 * calls empty it first. Closing and dropping happen after the file's tests.
 */
export function serverStoreFactory(dialect: ServerDialect, prefix: string): () => Promise<TrackingStore> {
  let database: string | undefined;
  let client: SqlClient | undefined;
  afterAll(async () => {
    await client?.close();
    if (database) await dropDatabase(dialect, database);
  });
  return async () => {
    if (!database) database = await createDatabase(dialect, prefix);
    else {
      client ??= await connect(dialect, database);
      await emptyTables(dialect, client);
    }
    return openTrackingStore(storeUri(dialect, database), { defaultArtifactRoot: 'mlflow-artifacts:/' });
  };
}
