// POSIX shell-style word splitting, as Python's shlex.split does it (MLflow splits order_by clauses with it).

export class ShlexError extends Error {}

const WHITESPACE = ' \t\r\n';

/**
 * Splits on unquoted whitespace and removes the quotes: `'…'` is literal, inside `"…"` a backslash only
 * escapes `"` and `\`, and outside quotes it escapes any character. Unclosed quotes throw, as shlex does.
 */
export function shlexSplit(input: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (WHITESPACE.includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= input.length) throw new ShlexError('No escaped character');
      word = (word ?? '') + input[i + 1];
      i += 2;
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new ShlexError('No closing quotation');
      word = (word ?? '') + input.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= input.length) throw new ShlexError('No closing quotation');
        const d = input[j];
        if (d === '"') break;
        if (d === '\\' && (input[j + 1] === '"' || input[j + 1] === '\\')) {
          text += input[j + 1];
          j += 2;
        } else {
          text += d;
          j++;
        }
      }
      word = (word ?? '') + text;
      i = j + 1;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
