// The store-side checks MLflow runs on each parsed clause: allowed comparators and value coercions.
import { MlflowError } from '../errors.js';
import type { Comparator, Comparison } from './ast.js';
import type { CheckGroup, ComparatorCheck, SearchGrammar } from './grammar.js';
import type { ResolvedKey } from './identifier.js';
import { pyFloat, pyStr } from '../codec/python-repr.js';
import type { ClauseValue } from './value.js';

/** A clause after parsing, before the store's rules: the comparator is MLflow's upper-cased text. */
export interface ParsedClause {
  key: ResolvedKey;
  comparator: string;
  value: ClauseValue;
}

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

function checksFor(grammar: SearchGrammar, key: ResolvedKey): readonly ComparatorCheck[] {
  if (key.type === 'attribute') {
    const spec = key.attribute;
    return spec?.checks ?? grammar.checks[(spec?.kind ?? 'string') satisfies CheckGroup] ?? [];
  }
  return grammar.checks[key.type] ?? [];
}

/** Python's int() on a string: surrounding whitespace, a sign, digits with single underscores between. */
function pythonInt(text: string): bigint | undefined {
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/u.exec(text);
  if (!m) return undefined;
  const digits = (m[2] ?? '').replace(/_/g, '');
  return BigInt(`${m[1] === '-' ? '-' : ''}${digits}`);
}

function experimentId(text: string): string {
  const id = pythonInt(text);
  if (id === undefined)
    throw invalid(`Invalid experiment ID '${text}'. Experiment ID must be a valid integer.`);
  return id.toString();
}

/** Python's int() of a registry filter value; floats and non-numeric text are refused with their repr. */
function pythonIntValue(key: string, value: ClauseValue): number {
  const refuse = (shown: string): MlflowError =>
    invalid(`Invalid value for numeric attribute '${key}': ${shown}`);
  if (typeof value.value === 'number') {
    if (value.float) throw refuse(pyFloat(value.value));
    return value.value;
  }
  if (Array.isArray(value.value)) throw refuse(pyStr(String(value.value)));
  const n = pythonInt(value.value);
  if (n === undefined) throw refuse(pyStr(value.value));
  return Number(n);
}

function coerce(clause: ParsedClause): Comparison['value'] {
  const { key, value } = clause;
  const rule = key.attribute?.coerce;
  if (rule === 'experiment-id') {
    return Array.isArray(value.value) ? value.value.map(experimentId) : experimentId(String(value.value));
  }
  if (rule === 'python-int') return pythonIntValue(key.written, value);
  if (rule === 'integer' && value.float) {
    throw invalid(
      `Invalid value for numeric attribute '${key.written}': ${pyStr(pyFloat(Number(value.value)))}`,
    );
  }
  return value.value;
}

/**
 * Applies the grammar's comparator rules for the clause's key, in MLflow's order, then the value
 * coercions, and returns the AST node with canonical key and comparator. Null checks were already
 * limited to their entity types by the parser and have no value to check.
 */
export function checkComparison(grammar: SearchGrammar, clause: ParsedClause): Comparison {
  const { key, comparator } = clause;
  const canonicalKey = key.attribute?.canonical ?? key.written;
  if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
    return { type: key.type, key: canonicalKey, comparator, value: '' };
  }
  for (const check of checksFor(grammar, key)) {
    if (!check.allowed.includes(comparator)) throw invalid(check.message(comparator));
  }
  return { type: key.type, key: canonicalKey, comparator: comparator as Comparator, value: coerce(clause) };
}
