// Model version stages (model_version_stages.py): canonical spellings and the internal deleted stage.
import { MlflowError } from '@mlflow-ts/protocol';

export const STAGE_NONE = 'None';
export const STAGE_ARCHIVED = 'Archived';
/** A deleted version keeps its row (so its number is never reused) in this hidden stage. */
export const STAGE_DELETED_INTERNAL = 'Deleted_Internal';
export const ALL_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export const ACTIVE_STAGES = ['Staging', 'Production'] as const;

/** Stage names are case-insensitive; anything else is refused. */
export function canonicalStage(stage: string): string {
  const found = ALL_STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (found === undefined) {
    throw MlflowError.invalidParameter(
      `Invalid Model Version stage: ${stage}. Value must be one of ${ALL_STAGES.join(', ')}.`,
    );
  }
  return found;
}
