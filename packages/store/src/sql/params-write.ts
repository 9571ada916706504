// Writing params: immutable once logged; the same value again is fine, a different one is MLflow's error.
import { MlflowError, pyRepr, type Param } from '@mlflow-ts/protocol';
import { preparedStatement } from '../dialects/sqlite-handle.js';
import type { Executor, StoreContext } from './context.js';
import { directSqlite, insertNewRows } from './direct-writes.js';
import { chunks } from './writes.js';

async function existingValues(
  tx: Executor,
  ctx: StoreContext,
  runId: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const handle = directSqlite(ctx);
  if (handle) {
    // One primary-key lookup per key: cheaper than building an IN (…) query for a few keys.
    const statement = preparedStatement(handle, 'SELECT value FROM params WHERE "key" = ? AND run_uuid = ?');
    for (const key of keys) {
      const row = statement.get(key, runId) as { value: string } | undefined;
      if (row) values.set(key, row.value);
    }
    return values;
  }
  for (const part of chunks([...new Set(keys)], 500)) {
    const rows = await tx
      .selectFrom('params')
      .select(['key', 'value'])
      .where('run_uuid', '=', runId)
      .where('key', 'in', part)
      .execute();
    for (const row of rows) values.set(row.key, row.value);
  }
  return values;
}

/** log-parameter: one param, with the single-param wording of the error. */
export async function writeParam(
  tx: Executor,
  ctx: StoreContext,
  runId: string,
  param: Param,
): Promise<void> {
  const value = param.value ?? '';
  const old = (await existingValues(tx, ctx, runId, [param.key])).get(param.key);
  if (old === undefined) {
    await tx.insertInto('params').values({ run_uuid: runId, key: param.key, value }).execute();
  } else if (old !== value) {
    throw MlflowError.invalidParameter(
      `Changing param values is not allowed. Param with key='${param.key}' was already logged with ` +
        `value='${old}' for run ID='${runId}'. Attempted logging new value '${value}'.`,
    );
  }
}

/**
 * log-batch: every conflicting param is listed (as Python prints a list of dicts) and nothing
 * is written when any conflicts. A key repeated within the batch counts as already logged.
 */
export async function writeParams(
  tx: Executor,
  ctx: StoreContext,
  runId: string,
  params: readonly Param[],
): Promise<void> {
  if (params.length === 0) return;
  const known = await existingValues(
    tx,
    ctx,
    runId,
    params.map((p) => p.key),
  );
  const conflicts: Array<{ key: string; old_value: string; new_value: string }> = [];
  const fresh: Array<{ run_uuid: string; key: string; value: string }> = [];
  for (const p of params) {
    const value = p.value ?? '';
    const old = known.get(p.key);
    if (old === undefined) {
      known.set(p.key, value);
      fresh.push({ run_uuid: runId, key: p.key, value });
    } else if (old !== value) {
      conflicts.push({ key: p.key, old_value: old, new_value: value });
    }
  }
  if (conflicts.length > 0) {
    throw MlflowError.invalidParameter(
      `Changing param values is not allowed. Params were already logged='${pyRepr(conflicts)}' for run ID='${runId}'.`,
    );
  }
  await insertNewRows(tx, ctx, 'params', fresh);
}
