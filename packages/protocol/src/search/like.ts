// SQL LIKE / ILIKE patterns as regular expressions, for stores or tests that filter in memory.

const SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}', '/']);

/**
 * `%` matches any run of characters and `_` exactly one; there is no escape character (MLflow's
 * SQL store binds the pattern as is). The whole value must match.
 * @example likeToRegExp('run-%', false).test('run-1') // true
 */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += SPECIAL.has(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'iu' : 'u');
}
