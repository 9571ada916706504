// search-runs: filter, order, view type and offset paging, then the page's runs loaded in bulk.
import { sql } from 'kysely';
import { decodePageToken, encodePageToken, type Run } from '@mlflow-ts/protocol';
import type { Page, SearchRunsInput } from '../tracking-store.js';
import { sqliteHandleOf } from '../dialects/sqlite-handle.js';
import { parseStorableExperimentIds } from '../util/experiment-id.js';
import { inReadTransaction, type Executor, type StoreContext } from './context.js';
import { validateMaxResults } from './max-results.js';
import { loadRunData, loadRunTags } from './run-data.js';
import { runFilterClause } from './run-filter.js';
import { loadDatasetInputs, loadModelOutputs } from './run-inputs.js';
import { runOrdering } from './run-order.js';
import { searchByMetricWindow } from './run-search-window.js';
import { toRunInfo, type RunRow } from './run-rows.js';
import { stagesFor } from './view-type.js';

/** Search results carry dataset inputs and model outputs but, as in MLflow, no model inputs. */
async function assembleRuns(ctx: StoreContext, tx: Executor, rows: readonly RunRow[]): Promise<Run[]> {
  const ids = rows.map((r) => r.run_uuid);
  const sqlite = sqliteHandleOf(ctx.db);
  const tags = await loadRunTags(tx, ids, sqlite);
  const data = await loadRunData(tx, ids, tags, sqlite);
  const inputs = await loadDatasetInputs(tx, ids);
  const outputs = await loadModelOutputs(tx, ids);
  return rows.map((row) => ({
    info: toRunInfo(row, tags.get(row.run_uuid) ?? []),
    data: data.get(row.run_uuid) ?? {},
    inputs: { dataset_inputs: inputs.get(row.run_uuid) ?? [] },
    outputs: { model_outputs: outputs.get(row.run_uuid) ?? [] },
  }));
}

export function searchRuns(ctx: StoreContext, input: SearchRunsInput): Promise<Page<Run>> {
  validateMaxResults(input.maxResults);
  const offset = decodePageToken(input.pageToken);
  const experimentIds = parseStorableExperimentIds(input.experimentIds);
  const conditions = input.filter.map((c) => runFilterClause(ctx.dialect, c));
  const { joins, terms } = runOrdering(ctx.dialect, input.orderBy);
  if (experimentIds.length === 0) return Promise.resolve({ items: [] });
  const where = [
    sql`runs.experiment_id IN (${sql.join(experimentIds)})`,
    sql`runs.lifecycle_stage IN (${sql.join(stagesFor(input.viewType))})`,
    ...conditions,
  ];
  const query = sql<RunRow>`
    SELECT runs.* FROM runs ${sql.join(joins, sql` `)}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sql.join(terms)}
    LIMIT ${input.maxResults + 1} OFFSET ${offset}`;
  const first = input.orderBy[0];
  return inReadTransaction(ctx, async (tx) => {
    const windowed =
      first?.type === 'metric'
        ? await searchByMetricWindow(tx, ctx.dialect, {
            first,
            rest: input.orderBy.slice(1),
            where,
            limit: input.maxResults + 1,
            offset,
          })
        : undefined;
    const rows = windowed ?? (await query.execute(tx)).rows;
    // A full page plus one more row means there is a next page.
    const page: Page<Run> = { items: await assembleRuns(ctx, tx, rows.slice(0, input.maxResults)) };
    if (rows.length > input.maxResults) page.nextPageToken = encodePageToken(offset + input.maxResults);
    return page;
  });
}
