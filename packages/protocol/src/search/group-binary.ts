// sqlparse's binary grouping (`_group`): joins `left <op> right` runs of nodes into one group.
import type { Group, GroupKind, Node } from './syntax.js';
import { isGroup, isWhitespace, makeGroup, nextSolid } from './syntax.js';

export const hasKind = (node: Node | undefined, ...kinds: string[]): boolean =>
  node !== undefined && kinds.includes(node.kind);

/** Splices `nodes[from..to]` into one group, or appends them to `nodes[from]` when it already is one of `kind`. */
export function fold(
  source: string,
  nodes: Node[],
  kind: GroupKind,
  from: number,
  to: number,
  extend: boolean,
): Group {
  const head = nodes[from];
  const members = nodes.slice(from, to + 1);
  const group =
    extend && isGroup(head) && head.kind === kind
      ? makeGroup(source, kind, [...head.children, ...members.slice(1)])
      : makeGroup(source, kind, members);
  nodes.splice(from, to - from + 1, group);
  return group;
}

export interface BinaryRule {
  kind: GroupKind;
  isOperator(node: Node): boolean;
  validPrev(node: Node): boolean;
  /** Returns the last index to take (the operator's index when the right side is not acceptable), or -1. */
  lastIndex(nodes: Node[], opIndex: number, nextIndex: number): number;
  /** The group starts at the operand before the operator, or (typed literals) at the operator itself. */
  startsAtOperator?: boolean;
  extend: boolean;
}

/**
 * sqlparse's `_group`: `prev <op> next` becomes one group, scanning left to right. After a group is
 * made, the next operator is judged against the last node that group took, not the group itself:
 * `a = 'x' = 'y'` nests (its left side is `'x'`, a valid operand), `metrics.a.b` keeps extending
 * (`a` is a name), but `metrics.*.x` stops after `*`.
 */
export function groupBinary(source: string, nodes: Node[], rule: BinaryRule): void {
  let prev = -1;
  let prevNode: Node | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined || isWhitespace(node)) continue;
    if (rule.isOperator(node) && prevNode !== undefined && rule.validPrev(prevNode)) {
      const last = rule.lastIndex(nodes, i, nextSolid(nodes, i));
      if (last >= 0) {
        const taken = nodes[last];
        const first = rule.startsAtOperator ? i : prev;
        const group = fold(source, nodes, rule.kind, first, last, rule.extend);
        prevNode = last === i ? group : taken;
        i = prev = first;
        continue;
      }
    }
    prev = i;
    prevNode = node;
  }
}
