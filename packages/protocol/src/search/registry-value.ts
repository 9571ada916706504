// Reads a registry filter's right-hand side as SearchModelUtils / SearchModelVersionUtils do.
import { MlflowError } from '../errors.js';
import type { ResolvedKey } from './identifier.js';
import { readList } from './list-value.js';
import { pyList, pySet } from '../codec/python-repr.js';
import type { Node } from './syntax.js';
import { quoted, type ClauseValue } from './value.js';

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);
const isTextual = (node: Node): boolean => node.kind === 'string' || node.kind === 'identifier';

export interface RegistryValueRules {
  /** Attributes that take an `IN (…)` list (MLflow's LIST_SUPPORTED_KEYS). */
  listKeys: readonly string[];
  /** Attributes compared with numbers; undefined when the search takes no numeric literal at all. */
  numericKeys?: readonly string[];
}

/**
 * Tags take quoted strings only; attributes take quoted strings, a list for the list keys, and
 * (model versions) numbers for the numeric keys. Everything else is refused with MLflow's words.
 */
export function readRegistryValue(rules: RegistryValueRules, key: ResolvedKey, node: Node): ClauseValue {
  const text = node.text;
  if (key.type === 'tag') {
    if (isTextual(node)) return { value: quoted(node), float: false };
    throw invalid(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${text}`);
  }
  if (isTextual(node)) return { value: quoted(node), float: false };
  if (node.kind === 'paren') {
    if (!rules.listKeys.includes(key.written)) {
      throw invalid(
        `Only ${pyList([...rules.listKeys].sort())} attributes support comparison with a list of quoted string values.`,
      );
    }
    return { value: readList(text), float: false };
  }
  if (rules.numericKeys !== undefined && (node.kind === 'integer' || node.kind === 'float')) {
    if (!rules.numericKeys.includes(key.written)) {
      throw invalid(
        `Only the '${pySet(rules.numericKeys)}' attributes support comparison with numeric values.`,
      );
    }
    return node.kind === 'integer'
      ? { value: Number(text), float: false }
      : { value: Number(text), float: true };
  }
  throw invalid(
    `Expected a quoted string value or a list of quoted string values for attributes. Got value ${text}`,
  );
}
