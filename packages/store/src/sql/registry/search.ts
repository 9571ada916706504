// search_registered_models and search_model_versions: filters, order, and paging one row ahead.
import { sql } from 'kysely';
import {
  decodePageToken,
  encodePageToken,
  MlflowError,
  type ModelVersion,
  type OrderBy,
  type RegisteredModel,
} from '@mlflow-ts/protocol';
import type { SearchRegistryInput } from '../../registry-store.js';
import type { Page } from '../../tracking-store.js';
import { inReadTransaction, type StoreContext } from '../context.js';
import { toModelVersions, toRegisteredModels } from './rows.js';
import { searchClauses, type SearchTarget } from './search-clauses.js';
import { STAGE_DELETED_INTERNAL } from './stages.js';
import { registryTables, WORKSPACE } from './tables.js';

const RM_TARGET: SearchTarget = {
  table: 'registered_models',
  tagTable: 'registered_model_tags',
  columns: { name: { column: 'name', text: true } },
};

const MV_TARGET: SearchTarget = {
  table: 'model_versions',
  tagTable: 'model_version_tags',
  columns: {
    name: { column: 'name', text: true },
    run_id: { column: 'run_id', text: true },
    source_path: { column: 'source', text: true },
    version_number: { column: 'version', text: false },
  },
};

const ORDER_COLUMNS: Readonly<Record<string, string>> = {
  name: 'name',
  version_number: 'version',
  creation_timestamp: 'creation_time',
  last_updated_timestamp: 'last_updated_time',
};

type Term = [column: string, direction: 'asc' | 'desc'];

function terms(orderBy: readonly OrderBy[]): Term[] {
  return orderBy.map((o) => [ORDER_COLUMNS[o.key] ?? o.key, o.ascending ? 'asc' : 'desc']);
}

function atMost(limit: number, maxResults: number): void {
  if (maxResults > limit) {
    throw MlflowError.invalidParameter(
      `Invalid value for request parameter max_results. It must be at most ${limit}, but got value ${maxResults}`,
    );
  }
}

/** MLflow reads max_results + 1 rows; a full extra row means a next page at offset + max_results. */
function nextToken(rows: number, offset: number, maxResults: number): string | undefined {
  return rows === maxResults + 1 ? encodePageToken(offset + maxResults) : undefined;
}

export async function searchRegisteredModels(
  ctx: StoreContext,
  input: SearchRegistryInput,
): Promise<Page<RegisteredModel>> {
  atMost(1000, input.maxResults);
  const clauses = searchClauses(ctx, RM_TARGET, input.filter);
  const order = terms(input.orderBy);
  if (!order.some(([c]) => c === 'name')) order.push(['name', 'asc']);
  const offset = decodePageToken(input.pageToken);
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    let query = db.selectFrom('registered_models').selectAll().where('workspace', '=', WORKSPACE);
    for (const clause of clauses) query = query.where(clause);
    for (const [column, direction] of order)
      query = query.orderBy(sql.ref(`registered_models.${column}`), direction);
    const rows = await query
      .limit(input.maxResults + 1)
      .offset(offset)
      .execute();
    const items = await toRegisteredModels(db, rows.slice(0, Math.max(0, input.maxResults)), true);
    const page: Page<RegisteredModel> = { items };
    const token = nextToken(rows.length, offset, input.maxResults);
    if (token !== undefined) page.nextPageToken = token;
    return page;
  });
}

const DEFAULT_VERSION_ORDER: OrderBy[] = [
  { type: 'attribute', key: 'last_updated_timestamp', ascending: false },
  { type: 'attribute', key: 'name', ascending: true },
  { type: 'attribute', key: 'version_number', ascending: false },
];

export async function searchModelVersions(
  ctx: StoreContext,
  input: SearchRegistryInput,
): Promise<Page<ModelVersion>> {
  if (!Number.isInteger(input.maxResults) || input.maxResults < 1) {
    throw MlflowError.invalidParameter(
      `Invalid value for max_results. It must be a positive integer, but got ${input.maxResults}`,
    );
  }
  atMost(200_000, input.maxResults);
  const clauses = searchClauses(ctx, MV_TARGET, input.filter);
  const order = terms(input.orderBy.length > 0 ? input.orderBy : DEFAULT_VERSION_ORDER);
  if (!order.some(([c]) => c === 'name')) order.push(['name', 'asc']);
  if (!order.some(([c]) => c === 'version')) order.push(['version', 'desc']);
  const offset = decodePageToken(input.pageToken);
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    let query = db
      .selectFrom('model_versions')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('current_stage', '!=', STAGE_DELETED_INTERNAL);
    for (const clause of clauses) query = query.where(clause);
    for (const [column, direction] of order)
      query = query.orderBy(sql.ref(`model_versions.${column}`), direction);
    const rows = await query
      .limit(input.maxResults + 1)
      .offset(offset)
      .execute();
    // Search results carry no aliases: MLflow's search builds versions straight from their rows.
    const items = await toModelVersions(db, rows.slice(0, input.maxResults), false);
    const page: Page<ModelVersion> = { items };
    const token = nextToken(rows.length, offset, input.maxResults);
    if (token !== undefined) page.nextPageToken = token;
    return page;
  });
}
