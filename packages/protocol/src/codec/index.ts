// The wire codec: request decoding with MLflow's rules and messages, and MLflow's JSON.
export { decodeRequest, type DecodeInput } from './decode-request.js';
export type { QueryParams } from './request-json.js';
export { validateContentType } from './content-type.js';
export { encodeJson, type EncodeJsonOptions } from './encode-json.js';
export { decodeJson, parseRequestBody } from './decode-json.js';
/** The vocabulary of handler schemas (`requestRules.required`, `requestRules.isString`, …) for new messages. */
export * as requestRules from './rules.js';
export type { RequestRules, Rule, RuleFailure } from './rules.js';
export { registerEnumNumbers } from './message-plan.js';
export { handlerCrash } from './internal-error.js';
