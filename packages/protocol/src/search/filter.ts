// Parses a search filter for one grammar: statement checks, clause shapes, keys, values, comparator rules.
import { ErrorCode, MlflowError } from '../errors.js';
import type { Comparison, Filter } from './ast.js';
import { checkComparison, type ParsedClause } from './clause-rules.js';
import type { SearchGrammar } from './grammar.js';
import { GroupingLimitError, groupStatement } from './grouping.js';
import { resolveIdentifier } from './identifier.js';
import { joinComparisons } from './join-comparisons.js';
import { tokenize } from './lexer.js';
import { pyStr } from '../codec/python-repr.js';
import { splitStatements } from './statements.js';
import type { Group, Node } from './syntax.js';
import { isKeyword, isWhitespace } from './syntax.js';
import { readValue } from './value.js';

const NULL_CHECKS = ['IS NULL', 'IS NOT NULL'];
const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

/** MLflow's `sqlparse.parse` step: one statement of grouped nodes, or its "could not be parsed" errors. */
function parseStatement(filter: string): Node[] {
  let statements: Node[][];
  try {
    statements = splitStatements(tokenize(filter)).map((s) => groupStatement(filter, s));
  } catch (e) {
    if (e instanceof GroupingLimitError) throw invalid(`Error on parsing filter '${filter}'`);
    throw e;
  }
  const [statement] = statements;
  if (statement === undefined) throw invalid(`Invalid filter '${filter}'. Could not be parsed.`);
  if (statements.length > 1) {
    throw invalid(
      `Search filter contained multiple expression ${pyStr(filter)}. Provide AND-ed expression list.`,
    );
  }
  return statement;
}

function parseComparison(grammar: SearchGrammar, group: Group): ParsedClause {
  const parts = group.children.filter((n) => !isWhitespace(n));
  const [left, op, right] = parts;
  const comparator = op?.text.toUpperCase() ?? '';
  const identifierNeeded = (): MlflowError =>
    invalid(`Invalid comparison clause. Expected 'Identifier' found '${left?.text ?? ''}'`);
  if (parts.length === 2 && NULL_CHECKS.includes(comparator)) {
    if (left?.kind !== 'identifier') throw identifierNeeded();
    if (grammar.rejectNullChecks !== undefined) throw invalid(grammar.rejectNullChecks);
    const key = resolveIdentifier(grammar, left.text, grammar.filterAttributes);
    if (!grammar.nullCheck.types.includes(key.type)) {
      throw invalid(grammar.nullCheck.message(grammar.typeLabels[key.type], key.written));
    }
    return { key, comparator, value: { value: '', float: false } };
  }
  if (parts.length !== 3 || left === undefined || right === undefined) {
    throw invalid(`Invalid comparison clause. Expected 3 tokens found ${parts.length}`);
  }
  if (left.kind !== 'identifier') throw identifierNeeded();
  const key = resolveIdentifier(grammar, left.text, grammar.filterAttributes);
  const value = grammar.readValue ? grammar.readValue(key, right) : readValue(grammar, key, right);
  return { key, comparator, value };
}

/**
 * Parses `filter` the way MLflow's parser and SQL store together judge it: a conjunction of
 * comparisons (AND, no OR / NOT / grouping parentheses), every rule and message as MLflow has them.
 * An absent or empty filter is the empty conjunction.
 */
export function parseFilter(grammar: SearchGrammar, filter: string | undefined): Filter {
  if (!filter) return [];
  const items = joinComparisons(filter, parseStatement(filter));
  const stray = items.filter((n) => n.kind !== 'comparison' && !isKeyword(n, 'AND'));
  if (stray.length > 0) {
    throw invalid(`Invalid clause(s) in filter string: ${grammar.invalidClauses(stray.map((n) => n.text))}`);
  }
  const parsed = items
    .filter((n): n is Group => n.kind === 'comparison')
    .map((g) => parseComparison(grammar, g));
  const filterAst: Comparison[] = parsed.map((clause) => checkComparison(grammar, clause));
  for (const c of filterAst) {
    // MLflow hands such a list to the database driver, which refuses it (a 400 carrying SQL text).
    if (Array.isArray(c.value) && c.comparator !== 'IN' && c.comparator !== 'NOT IN') {
      throw new MlflowError(
        ErrorCode.BAD_REQUEST,
        `Comparator '${c.comparator}' cannot compare '${c.key}' with a list of values; use IN or NOT IN.`,
      );
    }
  }
  return filterAst;
}
