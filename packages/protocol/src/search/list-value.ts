// Reads the parenthesised list of an IN / NOT IN clause into strings, with MLflow's checks and messages.
import { MlflowError } from '../errors.js';
import { PyLiteralError, parsePyLiteral } from './py-literal.js';
import { pyRepr, type PyValue } from './py-value.js';

const PREFIX = 'While parsing a list in the query,';

/**
 * MLflow evaluates the list text as a Python literal, so `('a', "b")`, `('a',)`, `('a' 'b')` (one
 * concatenated string) and escapes such as `'\u00e9'` all work; a lone `('a')` is one value.
 * Anything Python would not evaluate is "ill-formed" here (MLflow answers some of those, such as a
 * bare name, with an internal error instead).
 */
export function readList(text: string): string[] {
  let parsed: PyValue;
  try {
    parsed = parsePyLiteral(text);
  } catch (e) {
    if (!(e instanceof PyLiteralError)) throw e;
    throw MlflowError.invalidParameter(
      `${PREFIX} expected a non-empty list of string values, but got ill-formed list.`,
    );
  }
  const items = parsed.type === 'tuple' ? parsed.items : [parsed];
  if (items.length === 0) {
    throw MlflowError.invalidParameter(
      `${PREFIX} expected a non-empty list of string values, but got empty list`,
    );
  }
  const strings: string[] = [];
  for (const item of items) {
    if (item.type !== 'str') {
      const shown = pyRepr({ type: 'tuple', items });
      throw MlflowError.invalidParameter(
        `${PREFIX} expected string value, punctuation, or whitespace, but got different type in list: ${shown}`,
      );
    }
    strings.push(item.value);
  }
  return strings;
}
