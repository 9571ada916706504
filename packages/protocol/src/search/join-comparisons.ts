// Joins `key IN (…)`, `key NOT IN (…)`, `key IS [NOT] NULL` into comparisons, as MLflow does after grouping.
import type { Group, Node } from './syntax.js';
import { isKeyword, isWhitespace, makeGroup } from './syntax.js';
import type { Token } from './token.js';

/** A stand-in comparator token; MLflow builds these with the normalised text (`NOT IN`, `IS NULL`). */
function comparator(text: string, from: Node, to: Node): Token {
  return { kind: 'keyword', text, upper: text, start: from.start, end: to.end };
}

function comparison(source: string, nodes: Node[]): Group {
  return makeGroup(source, 'comparison', nodes);
}

/**
 * Walks the statement's non-whitespace nodes like MLflow's `_join_in_comparison_tokens`: at an
 * identifier it looks at the next two (or three) nodes; a pattern that does not match is passed on
 * as is and not looked at again, so `a IS NOT x y …` leaves all four nodes for the invalid-clause report.
 */
export function joinComparisons(source: string, nodes: readonly Node[]): Node[] {
  const solid = nodes.filter((n) => !isWhitespace(n));
  const out: Node[] = [];
  let i = 0;
  while (i < solid.length) {
    const [first, second, third, fourth] = solid.slice(i, i + 4);
    if (first === undefined) break;
    if (second === undefined || third === undefined) {
      out.push(...solid.slice(i));
      break;
    }
    if (first.kind !== 'identifier') {
      out.push(first);
      i += 1;
      continue;
    }
    if (isKeyword(second, 'IN') && third.kind === 'paren') {
      out.push(comparison(source, [first, second, third]));
      i += 3;
      continue;
    }
    if (isKeyword(second, 'IS') && isKeyword(third, 'NULL')) {
      out.push(comparison(source, [first, comparator('IS NULL', second, third)]));
      i += 3;
      continue;
    }
    // Only the exact spelling "NOT NULL" (one space) counts; `not   null` is left unjoined, as in MLflow.
    if (isKeyword(second, 'IS') && isKeyword(third, 'NOT NULL')) {
      out.push(comparison(source, [first, comparator('IS NOT NULL', second, third)]));
      i += 3;
      continue;
    }
    if (fourth === undefined) {
      out.push(first, second, third);
      break;
    }
    if (isKeyword(second, 'NOT') && isKeyword(third, 'IN') && fourth.kind === 'paren') {
      out.push(comparison(source, [first, comparator('NOT IN', second, third), fourth]));
      i += 4;
      continue;
    }
    out.push(first, second, third, fourth);
    i += 4;
  }
  return out;
}
