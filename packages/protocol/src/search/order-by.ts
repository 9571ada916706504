// Parses order_by clauses (`metrics.acc DESC`, `` tags.`a b` ``) for one grammar, with MLflow's checks.
import { ErrorCode, MlflowError } from '../errors.js';
import type { OrderBy } from './ast.js';
import { isSpace } from './chars.js';
import type { SearchGrammar } from './grammar.js';
import { GroupingLimitError, groupStatement } from './grouping.js';
import { resolveIdentifier } from './identifier.js';
import { tokenize } from './lexer.js';
import { pyList } from '../codec/python-repr.js';
import { ShlexError, shlexSplit } from './shlex.js';
import { splitStatements } from './statements.js';

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

function pyStrip(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isSpace(text[from])) from++;
  while (to > from && isSpace(text[to - 1])) to--;
  return text.slice(from, to);
}

/** The clause must lex and group into exactly one identifier (a trailing direction is part of it). */
function identifierText(clause: string): string {
  const unparsable = (): MlflowError => invalid(`Invalid order_by clause '${clause}'. Could not be parsed.`);
  let statements;
  try {
    statements = splitStatements(tokenize(clause)).map((s) => groupStatement(clause, s));
  } catch (e) {
    if (e instanceof GroupingLimitError) throw invalid(`Error on parsing order_by clause '${clause}'`);
    throw e;
  }
  const [nodes] = statements;
  if (statements.length !== 1 || nodes === undefined) throw unparsable();
  const [first] = nodes;
  const last = nodes[nodes.length - 1];
  if (nodes.length === 1 && first?.kind === 'identifier') return first.text;
  // MLflow special-cases `timestamp` (a builtin type name, not an identifier) for the registry's sort key.
  if (first?.kind === 'builtin' && first.text.toLowerCase() === 'timestamp') {
    if (nodes.length === 1) return 'timestamp';
    const spacesBetween = nodes.slice(1, -1).every((n) => n.kind === 'whitespace');
    if (spacesBetween && last?.kind === 'keyword' && /^(ASC|DESC|NULLS)\b/.test(last.upper ?? '')) {
      return `timestamp ${last.text}`;
    }
  }
  throw unparsable();
}

/**
 * One clause's key text and direction, as MLflow reads them: the identifier's text is split shell-style (backticks counting as
 * double quotes) into at most a key and a direction. With a direction the key is the split word,
 * quotes already removed; without one it is the text as written, quotes stripped later.
 */
export function splitOrderByClause(clause: string): { text: string; ascending: boolean } {
  let text = identifierText(clause);
  let words: string[];
  try {
    words = shlexSplit(text.replaceAll('`', '"'));
  } catch (e) {
    // MLflow lets shlex's error escape (a 500); an order_by that cannot be split is simply unparsable.
    if (e instanceof ShlexError) throw invalid(`Invalid order_by clause '${clause}'. Could not be parsed.`);
    throw e;
  }
  if (words.length > 2) throw invalid(`Invalid order_by clause '${clause}'. Could not be parsed.`);
  let ascending = true;
  if (words.length === 2) {
    const direction = (words[1] ?? '').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalid(`Invalid ordering key in order_by clause '${clause}'.`);
    }
    ascending = direction === 'asc';
    text = words[0] ?? '';
  }
  return { text: pyStrip(text), ascending };
}

function parseClause(grammar: SearchGrammar, clause: string): OrderBy {
  const { text, ascending } = splitOrderByClause(clause);
  const key = resolveIdentifier(grammar, text, grammar.orderByAttributes);
  if (!grammar.orderBy.types.includes(key.type))
    throw invalid(grammar.orderBy.invalidType(grammar.typeLabels[key.type]));
  return { type: key.type, key: key.attribute?.canonical ?? key.written, ascending };
}

/** Parses every clause in order; absent or empty means "the store's default order". */
export function parseOrderBy(grammar: SearchGrammar, clauses: readonly string[] | undefined): OrderBy[] {
  const result: OrderBy[] = [];
  const seen = new Set<string>();
  for (const clause of clauses ?? []) {
    const entry = parseClause(grammar, clause);
    const id = `${entry.type}\u0000${entry.key}`;
    if (grammar.orderBy.rejectDuplicates && seen.has(id)) {
      // MLflow raises this without an error code, which the server reports as INTERNAL_ERROR.
      throw new MlflowError(
        ErrorCode.INTERNAL_ERROR,
        `\`order_by\` contains duplicate fields: ${pyList(clauses ?? [])}`,
      );
    }
    seen.add(id);
    result.push(entry);
  }
  return result;
}
