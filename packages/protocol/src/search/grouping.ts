// Groups a statement's tokens into the nodes MLflow's parser inspects, pass by pass in sqlparse's order.
import { fold, groupBinary, hasKind as is } from './group-binary.js';
import {
  ARRAY,
  COMPARISON,
  INTERVAL_UNIT,
  LIST,
  OPERATION,
  PERIOD,
  TYPED_LITERAL,
  isOrderKeyword,
} from './group-rules.js';
import { isNewline } from './statements.js';
import type { GroupKind, Node } from './syntax.js';
import { isGroup, isPunctuation, makeGroup, nextSolid, prevSolid } from './syntax.js';
import type { Token } from './token.js';

/** sqlparse's own limits (MAX_GROUPING_TOKENS / MAX_GROUPING_DEPTH); MLflow reports them as parse errors. */
const MAX_TOKENS = 10_000;
const MAX_DEPTH = 100;

export class GroupingLimitError extends Error {}

/**
 * A comment and the comments or line breaks right after it form one group, but only when something
 * else follows; a trailing comment stays a bare token. Either way it sits between tokens and keeps
 * them from grouping, as in sqlparse.
 */
function groupComments(source: string, tokens: readonly Token[]): Node[] {
  const out: Node[] = [...tokens];
  for (let i = 0; i < out.length; i++) {
    if (out[i]?.kind !== 'comment') continue;
    let j = i;
    while (j < out.length && (out[j]?.kind === 'comment' || isNewline(out[j] as Token))) j++;
    if (j === out.length) break;
    fold(source, out, 'comments', i, j - 1, false);
  }
  return out;
}

/** Pairs `open`…`close` into groups; brackets go first, so a `(` inside `[…]` cannot pair with one outside. */
function groupMatching(
  source: string,
  nodes: readonly Node[],
  open: string,
  close: string,
  kind: GroupKind,
): Node[] {
  const out: Node[] = [];
  const opens: number[] = [];
  for (const node of nodes) {
    if (isPunctuation(node, close) && opens.length > 0) {
      const at = opens.pop() ?? 0;
      out.push(makeGroup(source, kind, [...out.splice(at), node]));
      continue;
    }
    if (isPunctuation(node, open)) {
      opens.push(out.length);
      if (opens.length > MAX_DEPTH) throw new GroupingLimitError();
    }
    out.push(node);
  }
  return out;
}

function groupFunctions(source: string, nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const next = nextSolid(nodes, i);
    if (is(nodes[i], 'name', 'placeholder', 'builtin') && is(nodes[next], 'paren'))
      fold(source, nodes, 'function', i, next, false);
  }
}

function groupLoneIdentifiers(source: string, nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++)
    if (is(nodes[i], 'name', 'symbol')) fold(source, nodes, 'identifier', i, i, false);
}

function groupOrder(source: string, nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const prev = prevSolid(nodes, i);
    if (isOrderKeyword(nodes[i]) && is(nodes[prev], 'identifier', 'integer', 'float', 'hex')) {
      fold(source, nodes, 'identifier', prev, i, false);
      i = prev;
    }
  }
}

/** `x y` where y is an identifier reads as "x aliased y": one identifier (so `a = 'x' b` is one token). */
function groupAliased(source: string, nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const next = nextSolid(nodes, i);
    const aliasable = is(
      nodes[i],
      'paren',
      'function',
      'identifier',
      'operation',
      'comparison',
      'integer',
      'float',
      'hex',
    );
    if (aliasable && is(nodes[next], 'identifier')) fold(source, nodes, 'identifier', i, next, true);
  }
}

/** A comment group joins the group just before it, so MLflow may see a comparison of four parts. */
function alignComments(source: string, nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const prev = prevSolid(nodes, i);
    const head = nodes[prev];
    if (nodes[i]?.kind === 'comments' && isGroup(head)) {
      fold(source, nodes, head.kind, prev, i, true);
      i = prev;
    }
  }
}

/** Runs the grouping passes MLflow's grammar depends on, in sqlparse's order, over one statement. */
export function groupStatement(source: string, tokens: readonly Token[]): Node[] {
  const weight = tokens.reduce((n, t) => n + (t.kind === 'whitespace' ? t.text.length : 1), 0);
  if (weight > MAX_TOKENS) throw new GroupingLimitError();
  const commented = groupComments(source, tokens);
  const nodes = groupMatching(
    source,
    groupMatching(source, commented, '[', ']', 'brackets'),
    '(',
    ')',
    'paren',
  );
  groupFunctions(source, nodes);
  groupBinary(source, nodes, PERIOD);
  groupBinary(source, nodes, ARRAY);
  groupLoneIdentifiers(source, nodes);
  groupOrder(source, nodes);
  groupBinary(source, nodes, TYPED_LITERAL);
  groupBinary(source, nodes, INTERVAL_UNIT);
  groupBinary(source, nodes, OPERATION);
  groupBinary(source, nodes, COMPARISON);
  groupAliased(source, nodes);
  alignComments(source, nodes);
  groupBinary(source, nodes, LIST);
  return nodes;
}
