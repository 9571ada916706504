// Registry rows → wire entities: lookups with MLflow's not-found errors, tags, aliases, latest versions.
import type { Selectable } from 'kysely';
import { ErrorCode, MlflowError, type ModelVersion, type RegisteredModel } from '@mlflow-ts/protocol';
import { chunks } from '../writes.js';
import { STAGE_DELETED_INTERNAL } from './stages.js';
import {
  WORKSPACE,
  type ModelVersionsTable,
  type RegisteredModelsTable,
  type RegistryExecutor,
} from './tables.js';
import { validateModelName, validateModelVersion } from './validate.js';

export type RegisteredModelRow = Selectable<RegisteredModelsTable>;
export type ModelVersionRow = Selectable<ModelVersionsTable>;

type Tag = { key: string; value?: string };

/** A NULL value (never written by MLflow's handlers, but possible in a shared database) is left unset. */
function tagEntity(t: { key: string; value: string | null }): Tag {
  return t.value === null ? { key: t.key } : { key: t.key, value: t.value };
}

export function registeredModelNotFound(name: string): MlflowError {
  return new MlflowError(ErrorCode.RESOURCE_DOES_NOT_EXIST, `Registered Model with name=${name} not found`);
}

/** MLflow's _get_registered_model: validates the name, then finds the row or fails. */
export async function loadRegisteredModelRow(
  db: RegistryExecutor,
  name: string,
): Promise<RegisteredModelRow> {
  validateModelName(name);
  const row = await db
    .selectFrom('registered_models')
    .selectAll()
    .where('workspace', '=', WORKSPACE)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw registeredModelNotFound(name);
  return row;
}

/** MLflow's _get_sql_model_version: a live (not deleted) version, or RESOURCE_DOES_NOT_EXIST. */
export async function loadModelVersionRow(
  db: RegistryExecutor,
  name: string,
  version: string | number,
): Promise<ModelVersionRow> {
  validateModelName(name);
  const number = validateModelVersion(version);
  const row = await db
    .selectFrom('model_versions')
    .selectAll()
    .where('workspace', '=', WORKSPACE)
    .where('name', '=', name)
    .where('version', '=', number)
    .where('current_stage', '!=', STAGE_DELETED_INTERNAL)
    .executeTakeFirst();
  if (!row) {
    throw new MlflowError(
      ErrorCode.RESOURCE_DOES_NOT_EXIST,
      `Model Version (name=${name}, version=${number}) not found`,
    );
  }
  return row;
}

/** Tags per version key `name\0version`, in the table's natural order (as MLflow's unordered load). */
async function versionTags(
  db: RegistryExecutor,
  rows: readonly ModelVersionRow[],
): Promise<Map<string, Tag[]>> {
  const out = new Map<string, Tag[]>();
  const names = [...new Set(rows.map((r) => r.name))];
  for (const part of chunks(names, 500)) {
    const tags = await db
      .selectFrom('model_version_tags')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('name', 'in', part)
      .execute();
    for (const t of tags) {
      const id = `${t.name}\u0000${Number(t.version)}`;
      const list = out.get(id) ?? [];
      list.push(tagEntity(t));
      out.set(id, list);
    }
  }
  return out;
}

/** Aliases per model name, ordered by alias (the order of their primary key). */
async function aliasesOf(
  db: RegistryExecutor,
  names: readonly string[],
): Promise<Map<string, { alias: string; version: number }[]>> {
  const out = new Map<string, { alias: string; version: number }[]>();
  for (const part of chunks([...new Set(names)], 500)) {
    const rows = await db
      .selectFrom('registered_model_aliases')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('name', 'in', part)
      .orderBy('name')
      .orderBy('alias')
      .execute();
    for (const r of rows) {
      const list = out.get(r.name) ?? [];
      list.push({ alias: r.alias, version: Number(r.version) });
      out.set(r.name, list);
    }
  }
  return out;
}

/** The proto form of one version: fields MLflow leaves unset when None are left out. */
function toModelVersion(row: ModelVersionRow, tags: Tag[], aliases: string[]): ModelVersion {
  const mv: ModelVersion = {
    name: row.name,
    version: String(row.version),
    creation_timestamp: Number(row.creation_time ?? 0),
  };
  if (row.last_updated_time !== null) mv.last_updated_timestamp = Number(row.last_updated_time);
  if (row.user_id !== null) mv.user_id = row.user_id;
  if (row.current_stage !== null) mv.current_stage = row.current_stage;
  if (row.description !== null) mv.description = row.description;
  if (row.source !== null) mv.source = row.source;
  if (row.run_id !== null) mv.run_id = row.run_id;
  if (row.status !== null) mv.status = row.status as NonNullable<ModelVersion['status']>;
  if (row.status_message) mv.status_message = row.status_message;
  mv.tags = tags;
  if (row.run_link !== null) mv.run_link = row.run_link;
  mv.aliases = aliases;
  return mv;
}

/** Versions with their tags and the aliases pointing at each (`withAliases` false: none, as in latest_versions). */
export async function toModelVersions(
  db: RegistryExecutor,
  rows: readonly ModelVersionRow[],
  withAliases = true,
): Promise<ModelVersion[]> {
  const tags = await versionTags(db, rows);
  const aliases = withAliases
    ? await aliasesOf(
        db,
        rows.map((r) => r.name),
      )
    : new Map();
  return rows.map((r) => {
    const pointing = (aliases.get(r.name) ?? [])
      .filter((a: { version: number }) => a.version === Number(r.version))
      .map((a: { alias: string }) => a.alias);
    return toModelVersion(r, tags.get(`${r.name}\u0000${Number(r.version)}`) ?? [], pointing);
  });
}

export async function toModelVersionEntity(
  db: RegistryExecutor,
  row: ModelVersionRow,
): Promise<ModelVersion> {
  const [mv] = await toModelVersions(db, [row]);
  return mv as ModelVersion;
}

/**
 * The newest version in each stage of each model, deleted versions aside. Stages come in the order
 * their first version appears (MLflow fills a dict walking versions in ascending order).
 */
export async function latestVersionRows(
  db: RegistryExecutor,
  names: readonly string[],
): Promise<Map<string, ModelVersionRow[]>> {
  const out = new Map<string, ModelVersionRow[]>();
  for (const part of chunks([...new Set(names)], 500)) {
    const rows = await db
      .selectFrom('model_versions')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('name', 'in', part)
      .where('current_stage', '!=', STAGE_DELETED_INTERNAL)
      .orderBy('name')
      .orderBy('version')
      .execute();
    const byStage = new Map<string, Map<string, ModelVersionRow>>();
    for (const r of rows) {
      const stages = byStage.get(r.name) ?? new Map<string, ModelVersionRow>();
      stages.set(r.current_stage ?? '', r);
      byStage.set(r.name, stages);
    }
    for (const [name, stages] of byStage) out.set(name, [...stages.values()]);
  }
  return out;
}

/**
 * Registered models with tags, aliases and latest versions, in the order of `rows`. Search lists
 * the latest versions by stage name (`byStage`): MLflow's search computes them with a window
 * partitioned by stage, and the database hands the partitions back in that order.
 */
export async function toRegisteredModels(
  db: RegistryExecutor,
  rows: readonly RegisteredModelRow[],
  byStage = false,
): Promise<RegisteredModel[]> {
  const names = rows.map((r) => r.name);
  const latest = await latestVersionRows(db, names);
  const latestRows = [...latest.values()].flatMap((versions) =>
    byStage
      ? [...versions].sort((a, b) => ((a.current_stage ?? '') < (b.current_stage ?? '') ? -1 : 1))
      : versions,
  );
  const latestEntities = await toModelVersions(db, latestRows, false);
  const byName = new Map<string, ModelVersion[]>();
  for (const mv of latestEntities) byName.set(mv.name, [...(byName.get(mv.name) ?? []), mv]);
  const aliases = await aliasesOf(db, names);
  const tags = new Map<string, Tag[]>();
  for (const part of chunks([...new Set(names)], 500)) {
    const rowsOfTags = await db
      .selectFrom('registered_model_tags')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('name', 'in', part)
      .execute();
    for (const t of rowsOfTags) tags.set(t.name, [...(tags.get(t.name) ?? []), tagEntity(t)]);
  }
  return rows.map((r) => {
    const rm: RegisteredModel = { name: r.name };
    if (r.creation_time !== null) rm.creation_timestamp = Number(r.creation_time);
    if (r.last_updated_time) rm.last_updated_timestamp = Number(r.last_updated_time);
    if (r.description) rm.description = r.description;
    rm.latest_versions = byName.get(r.name) ?? [];
    rm.tags = tags.get(r.name) ?? [];
    rm.aliases = (aliases.get(r.name) ?? []).map((a) => ({ alias: a.alias, version: String(a.version) }));
    return rm;
  });
}

export async function toRegisteredModel(
  db: RegistryExecutor,
  row: RegisteredModelRow,
): Promise<RegisteredModel> {
  const [rm] = await toRegisteredModels(db, [row]);
  return rm as RegisteredModel;
}
