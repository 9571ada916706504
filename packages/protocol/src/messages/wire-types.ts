// Schema builders for proto scalar types, so each message reads like its .proto declaration.
import { Type, type IntegerOptions, type TObject } from '@sinclair/typebox';
import { INT32_MAX } from '../codec/message-plan.js';

/** proto int64: a JSON number on the wire (MLflow prints int64 as numbers, not strings). */
export const int64 = (options?: IntegerOptions) => Type.Integer(options);

/** proto int32; the bounds also tell the request parser to range-check it. */
export const int32 = (options?: IntegerOptions) =>
  Type.Integer({ ...options, minimum: -INT32_MAX - 1, maximum: INT32_MAX });

/** proto double; NaN and ±Infinity travel as the strings "NaN", "Infinity", "-Infinity". */
export const double = () => Type.Number();

/** The response of RPCs that answer `{}`. */
export const EmptyResponse: TObject<Record<string, never>> = Type.Object({});
export type EmptyResponse = Record<string, never>;
