// Where a new version's files live when its source is a models:/ URI: another version or a logged model.
import { ErrorCode, improperModelsUriMessage, MlflowError, parseModelsUri } from '@mlflow-ts/protocol';
import { loadModelVersionRow } from './rows.js';
import type { RegistryExecutor } from './tables.js';

export interface ResolvedSource {
  storageLocation: string;
  runId: string | undefined;
}

/**
 * For a models:/ source the stored location is the referenced version's location or the logged
 * model's artifact location (whose run also fills a missing run id). Failures become MLflow's
 * "Unable to fetch model…" error.
 */
export async function resolveModelSource(
  db: RegistryExecutor,
  source: string,
  runId: string | undefined,
): Promise<ResolvedSource> {
  if (!/^models:/i.test(source)) return { storageLocation: source, runId };
  try {
    const parsed = parseModelsUri(source);
    if (parsed === undefined) throw new Error(improperModelsUriMessage(source));
    if (parsed.modelId !== undefined) {
      const model = await loggedModel(db, parsed.modelId);
      return { storageLocation: model.artifact_location, runId: runId || model.source_run_id || undefined };
    }
    if (parsed.version === undefined) throw new Error('a model version number is required');
    const row = await loadModelVersionRow(db, parsed.name ?? '', parsed.version);
    return { storageLocation: row.storage_location || row.source || '', runId };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MlflowError(
      ErrorCode.INTERNAL_ERROR,
      `Unable to fetch model from model URI source artifact location '${source}'.Error: ${detail}`,
    );
  }
}

/** The logged model row (logged_models is read directly: the logged-model store is another area's). */
export async function loggedModel(
  db: RegistryExecutor,
  modelId: string,
): Promise<{ artifact_location: string; source_run_id: string | null }> {
  const row = await db
    .selectFrom('logged_models')
    .select(['artifact_location', 'source_run_id'])
    .where('model_id', '=', modelId)
    .executeTakeFirst();
  if (!row) {
    throw new MlflowError(ErrorCode.RESOURCE_DOES_NOT_EXIST, `Logged model with ID '${modelId}' not found.`);
  }
  return row;
}
