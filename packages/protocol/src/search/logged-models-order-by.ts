// search_logged_models order_by: objects naming an attribute or `metrics.<key>`, checked as MLflow's store does.
import { ErrorCode, MlflowError, type ErrorBody } from '../errors.js';
import { LOGGED_MODEL_COLUMNS } from './logged-models-filter.js';

/** An unknown attribute: MLflow raises INVALID_PARAMETER_VALUE with its own error class. */
class AttributeNotFoundError extends MlflowError {
  override toJSON(): ErrorBody {
    return { ...super.toJSON(), sqlstate: 'KAM04', error_class: 'ATTRIBUTE_NOT_FOUND' };
  }
}

const ALIASES: Readonly<Record<string, string>> = {
  creation_time: 'creation_timestamp_ms',
  creation_timestamp: 'creation_timestamp_ms',
  last_updated_timestamp: 'last_updated_timestamp_ms',
};

export type LoggedModelOrderTerm =
  | { kind: 'attribute'; column: string; ascending: boolean }
  | {
      kind: 'metric';
      key: string;
      ascending: boolean;
      datasetName: string | null;
      datasetDigest: string | null;
    };

export interface LoggedModelOrderInput {
  fieldName: string;
  ascending: boolean;
  datasetName: string | null;
  datasetDigest: string | null;
}

/**
 * Checks each entry: a bare name must be a `logged_models` column (or alias), a dotted one must
 * be `metrics.<key>` (the key may itself hold dots).
 */
export function parseLoggedModelsOrderBy(entries: readonly LoggedModelOrderInput[]): LoggedModelOrderTerm[] {
  return entries.map((e) => {
    const dot = e.fieldName.indexOf('.');
    if (dot < 0) {
      const column = ALIASES[e.fieldName] ?? e.fieldName;
      if (!LOGGED_MODEL_COLUMNS.has(column)) {
        throw new AttributeNotFoundError(
          ErrorCode.INVALID_PARAMETER_VALUE,
          `Invalid order by field name: ${e.fieldName}`,
        );
      }
      return { kind: 'attribute', column, ascending: e.ascending };
    }
    if (e.fieldName.slice(0, dot) !== 'metrics') {
      throw MlflowError.invalidParameter(
        `Invalid order by field name: ${e.fieldName}. Only metrics are supported.`,
      );
    }
    return {
      kind: 'metric',
      key: e.fieldName.slice(dot + 1),
      ascending: e.ascending,
      datasetName: e.datasetName,
      datasetDigest: e.datasetDigest,
    };
  });
}
