// search_logged_models filters: MLflow's own small parser (search_logged_model_utils) over sqlparse tokens.
import { pyFloat as parsePyFloat } from '../codec/python-values.js';
import { ErrorCode, MlflowError } from '../errors.js';
import { GroupingLimitError, groupStatement } from './grouping.js';
import { joinComparisons } from './join-comparisons.js';
import { tokenize } from './lexer.js';
import { PyLiteralError, parsePyLiteral } from './py-literal.js';
import { pyStr } from '../codec/python-repr.js';
import { pyRepr, type PyValue } from './py-value.js';
import { splitStatements } from './statements.js';
import { isWhitespace, type Group, type Node } from './syntax.js';

export type LoggedModelEntityType = 'attributes' | 'metrics' | 'params' | 'tags';
export type LoggedModelComparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';
export type LoggedModelFilterValue = string | number | (string | number)[];

/** One clause; attribute keys name a `logged_models` column, status values are its stored integers. */
export interface LoggedModelComparison {
  type: LoggedModelEntityType;
  key: string;
  comparator: LoggedModelComparator;
  value: LoggedModelFilterValue;
}

const ENTITY_TYPES: readonly LoggedModelEntityType[] = ['attributes', 'metrics', 'params', 'tags'];
/** SqlLoggedModel.ALIASES: applied to bare attribute names only, as MLflow does. */
const ALIASES: Readonly<Record<string, string>> = {
  creation_time: 'creation_timestamp_ms',
  creation_timestamp: 'creation_timestamp_ms',
  last_updated_timestamp: 'last_updated_timestamp_ms',
};
const NUMERIC_COLUMNS = new Set(['creation_timestamp_ms', 'last_updated_timestamp_ms']);
/** The columns MLflow's `getattr(SqlLoggedModel, key)` finds; any other attribute crashes its handler. */
export const LOGGED_MODEL_COLUMNS: ReadonlySet<string> = new Set([
  'model_id',
  'experiment_id',
  'name',
  'artifact_location',
  'creation_timestamp_ms',
  'last_updated_timestamp_ms',
  'status',
  'lifecycle_stage',
  'model_type',
  'source_run_id',
  'status_message',
]);
const NUMERIC_OPS = ['<', '<=', '>', '>=', '=', '!='] as const;
const STRING_OPS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] as const;
/** LoggedModelStatus values (a str enum in MLflow) and the integers stored for them. */
const STATUS_INTS: Readonly<Record<string, number>> = { UNSPECIFIED: 0, PENDING: 1, READY: 2, FAILED: 3 };

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);
/** Python exceptions MLflow's handler lets escape; its server answers them as INTERNAL_ERROR. */
const crash = (message: string): MlflowError => new MlflowError(ErrorCode.INTERNAL_ERROR, message);
const pyTuple = (items: readonly string[]): string =>
  `(${items.map(pyStr).join(', ')}${items.length === 1 ? ',' : ''})`;

function entityOf(text: string): { type: LoggedModelEntityType; key: string } {
  const match = /^([a-z]+)\.(.+)$/.exec(text);
  if (match) {
    const type = match[1] ?? '';
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw invalid(
        `Invalid entity type: ${pyStr(type)}. Expected one of ${`[${ENTITY_TYPES.map(pyStr).join(', ')}]`}.`,
      );
    }
    return { type: type as LoggedModelEntityType, key: stripBackticks(match[2] ?? '') };
  }
  return { type: 'attributes', key: stripBackticks(ALIASES[text] ?? text) };
}

function stripBackticks(text: string): string {
  return text.replace(/^`+/, '').replace(/`+$/, '');
}

function isNumeric(entity: { type: LoggedModelEntityType; key: string }): boolean {
  return (
    entity.type === 'metrics' ||
    (entity.type === 'attributes' && NUMERIC_COLUMNS.has(ALIASES[entity.key] ?? entity.key))
  );
}

function literalValue(v: PyValue): string | number {
  if (v.type === 'str') return v.value;
  if (v.type === 'int') return Number(v.value);
  if (v.type === 'float') return v.value;
  throw crash(`unsupported value in list: ${pyRepr(v)}`);
}

/** `ast.literal_eval` of a parenthesised value: a lone string becomes a one-item list. */
function listValue(text: string): LoggedModelFilterValue {
  let parsed: PyValue;
  try {
    parsed = parsePyLiteral(text);
  } catch (e) {
    if (e instanceof PyLiteralError) throw crash(`malformed node or string: ${text}`);
    throw e;
  }
  if (parsed.type === 'tuple' || parsed.type === 'list') return parsed.items.map(literalValue);
  const single = literalValue(parsed);
  return typeof single === 'string' ? [single] : single;
}

function readValue(numeric: boolean, text: string): LoggedModelFilterValue {
  if (numeric) {
    const r = parsePyFloat(text);
    if (!r.ok) throw crash(`could not convert string to float: ${pyStr(text)}`);
    return r.value;
  }
  if (text.startsWith('(') && text.endsWith(')')) return listValue(text);
  return text.replace(/^'+/, '').replace(/'+$/, '');
}

function parseComparison(group: Group): LoggedModelComparison {
  const parts = group.children.filter((n) => !isWhitespace(n)).map((n) => n.text);
  if (parts.length !== 3) {
    throw invalid(`Invalid comparison: ${group.text}. Expected a comparison with 3 tokens.`);
  }
  const [identifier = '', opText = '', valueText = ''] = parts;
  const comparator = opText.toUpperCase();
  const entity = entityOf(identifier);
  const numeric = isNumeric(entity);
  const ops: readonly string[] = numeric ? NUMERIC_OPS : STRING_OPS;
  if (!ops.includes(comparator)) {
    throw invalid(
      `Invalid comparison operator for ${entity.type}.${entity.key}: ${pyStr(comparator)}. Expected one of ${pyTuple(ops)}.`,
    );
  }
  return { ...entity, comparator: comparator as LoggedModelComparator, value: readValue(numeric, valueText) };
}

/** The checks MLflow's SQL store makes while it applies the attribute clauses, in clause order. */
function checkAttribute(c: LoggedModelComparison): LoggedModelComparison {
  if (c.type !== 'attributes') return c;
  if (c.key === 'status') return statusClause(c);
  if (!LOGGED_MODEL_COLUMNS.has(c.key)) {
    throw crash(`type object 'SqlLoggedModel' has no attribute ${pyStr(c.key)}`);
  }
  return c;
}

function statusClause(c: LoggedModelComparison): LoggedModelComparison {
  const list = c.comparator === 'IN' || c.comparator === 'NOT IN';
  if (!list && c.comparator !== '=' && c.comparator !== '!=') {
    throw invalid(`Invalid comparison operator for status: ${c.comparator}`);
  }
  const values = list && Array.isArray(c.value) ? c.value : [c.value];
  const ints = values.map((v) => (typeof v === 'string' ? STATUS_INTS[v] : undefined));
  if (ints.some((n) => n === undefined)) {
    const shown = Array.isArray(c.value)
      ? `(${c.value.map((v) => (typeof v === 'string' ? pyStr(v) : String(v))).join(', ')}${c.value.length === 1 ? ',' : ''})`
      : typeof c.value === 'string'
        ? pyStr(c.value)
        : String(c.value);
    throw invalid(`Unknown model status in filter: ${shown}`);
  }
  return { ...c, value: list ? (ints as number[]) : (ints[0] as number) };
}

function parseStatement(filter: string): Node[] {
  let statements: Node[][];
  try {
    statements = splitStatements(tokenize(filter)).map((s) => groupStatement(filter, s));
  } catch (e) {
    if (e instanceof GroupingLimitError) {
      throw invalid(
        `Invalid filter string: ${pyStr(filter)}. SQLParseError('Maximum grouping depth exceeded')`,
      );
    }
    throw e;
  }
  const [statement] = statements;
  if (statement === undefined || statements.length !== 1) {
    throw invalid(`Invalid filter string: ${pyStr(filter)}. Expected a single SQL expression.`);
  }
  return statement;
}

/**
 * Parses a logged-model search filter as MLflow does: comparisons joined by AND, on
 * `attributes` (bare names), `metrics.`, `params.` or `tags.` keys. Numeric keys (metrics and
 * the two timestamps) take numeric comparators and values; the rest take string ones, IN lists
 * included. An empty filter is the empty conjunction.
 *
 * @example
 * parseLoggedModelsFilter("metrics.acc > 0.9 AND tags.team = 'a'");
 */
export function parseLoggedModelsFilter(filter: string | undefined): LoggedModelComparison[] {
  if (!filter) return [];
  const comparisons: LoggedModelComparison[] = [];
  for (const node of joinComparisons(filter, parseStatement(filter))) {
    if (node.kind === 'comparison') comparisons.push(parseComparison(node as Group));
    else if (node.text.trim().toUpperCase() !== 'AND') {
      throw invalid(
        `Invalid filter string: ${pyStr(filter)}. Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01').`,
      );
    }
  }
  return comparisons.map(checkAttribute);
}
