// Splits a token stream at top-level semicolons the way sqlparse's statement splitter does.
import type { Token } from './token.js';

export function isNewline(token: Token): boolean {
  return token.kind === 'whitespace' && (token.text === '\n' || token.text === '\r' || token.text === '\r\n');
}

/**
 * A `;` outside parentheses ends a statement. Spaces and `--` comments right after it still belong to
 * that statement, but a newline starts the next one, and statements of only whitespace are dropped.
 * MLflow only asks "one statement or more?", so `a = 'x';` is one statement and `a = 'x'; b` two.
 */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let level = 0;
  let afterSemicolon = false;
  const flush = (): void => {
    statements.push(current);
    current = [];
    afterSemicolon = false;
  };
  for (const token of tokens) {
    if (afterSemicolon) {
      const singleLineComment = token.kind === 'comment' && !token.text.startsWith('/*');
      if ((token.kind === 'whitespace' && !isNewline(token)) || singleLineComment) {
        current.push(token);
        continue;
      }
      flush();
    }
    current.push(token);
    if (token.kind === 'punctuation') {
      if (token.text === '(') level++;
      else if (token.text === ')') level--;
      else if (token.text === ';' && level <= 0) afterSemicolon = true;
    }
  }
  if (current.some((t) => t.kind !== 'whitespace')) statements.push(current);
  else if (afterSemicolon || statements.length > 0) statements[statements.length - 1]?.push(...current);
  return statements;
}
