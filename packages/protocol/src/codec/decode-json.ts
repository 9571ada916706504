// decodeJson: JSON text → value, also reading the bare NaN / Infinity tokens Python's json module writes.

const SENTINELS: Record<string, number> = {
  '\u0000mlflow-ts:NaN': NaN,
  '\u0000mlflow-ts:Infinity': Infinity,
  '\u0000mlflow-ts:-Infinity': -Infinity,
};

/** Replaces bare NaN / Infinity / -Infinity tokens (outside strings) with sentinel strings. */
function quoteNonFiniteTokens(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const token = text.startsWith('-Infinity', i)
      ? '-Infinity'
      : text.startsWith('Infinity', i)
        ? 'Infinity'
        : text.startsWith('NaN', i)
          ? 'NaN'
          : '';
    if (token) {
      out += JSON.stringify(`\u0000mlflow-ts:${token}`);
      i += token.length - 1;
    } else out += c;
  }
  return out;
}

/**
 * Parses JSON like Python's json.loads: standard JSON plus bare `NaN`, `Infinity` and
 * `-Infinity` (which MLflow's Flask routes such as get-history-bulk emit). Throws on anything
 * else that is not JSON.
 */
export function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!/NaN|Infinity/.test(text)) throw e;
    return JSON.parse(quoteNonFiniteTokens(text), (_k, v: unknown) =>
      typeof v === 'string' && v in SENTINELS ? SENTINELS[v] : v,
    );
  }
}

/**
 * A request body as Flask's `get_json(force=True, silent=True)` reads it: empty or invalid JSON
 * gives undefined (MLflow then treats the request as `{}`).
 */
export function parseRequestBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return decodeJson(text);
  } catch {
    return undefined;
  }
}
