// The binary grouping rules (dots, operators, comparisons, lists…) with sqlparse's operand classes.
import type { BinaryRule } from './group-binary.js';
import { hasKind as is } from './group-binary.js';
import type { Node } from './syntax.js';
import { isKeyword, isPunctuation } from './syntax.js';
import type { Token } from './token.js';

export const isOrderKeyword = (node: Node | undefined): boolean =>
  node?.kind === 'keyword' && /^(ASC|DESC|NULLS)\b/.test((node as Token).upper ?? '');

/** Operands of `x + y` and `x = y` (sqlparse's T_NUMERICAL + T_STRING + T_NAME and its group classes). */
function isOperand(node: Node | undefined): boolean {
  return is(
    node,
    'integer',
    'float',
    'string',
    'symbol',
    'name',
    'placeholder',
    'paren',
    'function',
    'identifier',
    'operation',
    'literal',
  );
}
const isOperationOperand = (node: Node | undefined): boolean => isOperand(node) || is(node, 'brackets');

/** Dotted keys (`metrics.acc`, `` tags.`a b` ``, even `metrics . x` across spaces) become one identifier. */
export const PERIOD: BinaryRule = {
  kind: 'identifier',
  isOperator: (n) => isPunctuation(n, '.'),
  validPrev: (n) => is(n, 'name', 'symbol', 'identifier', 'brackets'),
  // A dot followed by something that cannot be a key part still joins: `tags.` then `in` (a keyword).
  lastIndex: (nodes, op, next) =>
    is(nodes[next], 'name', 'symbol', 'string', 'function') ||
    (nodes[next]?.kind === 'operator' && nodes[next]?.text === '*')
      ? next
      : op,
  extend: true,
};

/** `x[…]` (an array index to sqlparse) is one identifier, so MLflow shows `run_idin['a']` as one token. */
export const ARRAY: BinaryRule = {
  kind: 'identifier',
  isOperator: (n) => n.kind === 'brackets',
  validPrev: (n) => is(n, 'brackets', 'identifier', 'function', 'name', 'symbol'),
  lastIndex: (_nodes, op) => op,
  extend: true,
};

/** `date 'x'`: a builtin type name before a string is one value (never at the very start of a statement). */
export const TYPED_LITERAL: BinaryRule = {
  kind: 'literal',
  isOperator: (n) => n.kind === 'builtin',
  validPrev: () => true,
  lastIndex: (nodes, _op, next) => (is(nodes[next], 'string') ? next : -1),
  startsAtOperator: true,
  extend: false,
};
export const INTERVAL_UNIT: BinaryRule = {
  kind: 'literal',
  isOperator: (n) => n.kind === 'literal',
  validPrev: () => true,
  lastIndex: (nodes, _op, next) =>
    isKeyword(nodes[next], 'DAY', 'HOUR', 'MINUTE', 'MONTH', 'SECOND', 'YEAR') ? next : -1,
  startsAtOperator: true,
  extend: true,
};

export const OPERATION: BinaryRule = {
  kind: 'operation',
  isOperator: (n) => n.kind === 'operator',
  validPrev: isOperationOperand,
  lastIndex: (nodes, _op, next) => (isOperationOperand(nodes[next]) ? next : -1),
  extend: false,
};

const isComparisonOperand = (n: Node | undefined): boolean => isOperand(n) || isKeyword(n, 'NULL');
export const COMPARISON: BinaryRule = {
  kind: 'comparison',
  isOperator: (n) => n.kind === 'comparator',
  validPrev: isComparisonOperand,
  lastIndex: (nodes, _op, next) => (isComparisonOperand(nodes[next]) ? next : -1),
  extend: false,
};

const listItem = (n: Node): boolean =>
  is(
    n,
    'function',
    'identifier',
    'comparison',
    'list',
    'operation',
    'integer',
    'float',
    'string',
    'symbol',
    'name',
    'placeholder',
  ) ||
  (n.kind === 'keyword' && !isOrderKeyword(n)) ||
  (n.kind === 'operator' && n.text === '*');
export const LIST: BinaryRule = {
  kind: 'list',
  isOperator: (n) => isPunctuation(n, ','),
  validPrev: listItem,
  lastIndex: (nodes, _op, next) => (nodes[next] !== undefined && listItem(nodes[next]) ? next : -1),
  extend: true,
};
