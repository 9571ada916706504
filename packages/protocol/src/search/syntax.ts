// Syntax nodes the grouping passes build over tokens, named after the sqlparse classes MLflow inspects.
import type { Token } from './token.js';

/** `comments`: comments and the line breaks after them; `paren`: `( … )`; `brackets`: `[ … ]`; `function`: `name( … )`; `identifier`: `a.b` or an aliased/ordered name (`a DESC`);
 * `literal`: a typed literal (`date 'x'`); `operation`: `x + y`; `comparison`: `x = y`, and the joined `x IN (…)` / `x IS NULL`; `list`: `a, b`. */
export type GroupKind =
  | 'comments'
  | 'paren'
  | 'brackets'
  | 'function'
  | 'identifier'
  | 'literal'
  | 'operation'
  | 'comparison'
  | 'list';

export interface Group {
  kind: GroupKind;
  /** The source text the group spans, whitespace included (MLflow prints and splits this text). */
  text: string;
  start: number;
  end: number;
  children: Node[];
}

export type Node = Token | Group;

const GROUP_KINDS: ReadonlySet<string> = new Set<GroupKind>([
  'comments',
  'paren',
  'brackets',
  'function',
  'identifier',
  'literal',
  'operation',
  'comparison',
  'list',
]);

export function isGroup(node: Node | undefined): node is Group {
  return node !== undefined && GROUP_KINDS.has(node.kind);
}

export function isWhitespace(node: Node | undefined): boolean {
  return node?.kind === 'whitespace';
}

export function isPunctuation(node: Node | undefined, text: string): boolean {
  return node?.kind === 'punctuation' && node.text === text;
}

export function isKeyword(node: Node | undefined, ...words: string[]): boolean {
  return node?.kind === 'keyword' && words.includes((node as Token).upper ?? '');
}

/** A group over `nodes[from..to]` (inclusive), its text cut from the source. */
export function makeGroup(source: string, kind: GroupKind, nodes: Node[]): Group {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  return { kind, text: source.slice(start, end), start, end, children: nodes };
}

/** Index of the next node after `i` that is not whitespace, or -1. */
export function nextSolid(nodes: readonly Node[], i: number): number {
  for (let j = i + 1; j < nodes.length; j++) if (!isWhitespace(nodes[j])) return j;
  return -1;
}

/** Index of the previous node before `i` that is not whitespace, or -1. */
export function prevSolid(nodes: readonly Node[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!isWhitespace(nodes[j])) return j;
  return -1;
}
