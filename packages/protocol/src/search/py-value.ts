// Python literal values (what ast.literal_eval returns for an IN list) and their repr().
import { pyFloat, pyStr } from '../codec/python-repr.js';

/** The literal values an IN list can hold once Python has evaluated it. */
export type PyValue =
  | { type: 'str'; value: string }
  /** Each character stands for one byte (0–255). */
  | { type: 'bytes'; value: string }
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'none' }
  | { type: 'tuple' | 'list'; items: PyValue[] };

export function pyRepr(v: PyValue): string {
  switch (v.type) {
    case 'str':
      return pyStr(v.value);
    case 'bytes':
      return `b${pyBytesBody(v.value)}`;
    case 'int':
      return v.value.toString();
    case 'float':
      return pyFloat(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'tuple':
      return `(${v.items.map(pyRepr).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
  }
}

function pyBytesBody(bytes: string): string {
  const quote = bytes.includes("'") && !bytes.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of bytes) {
    const b = ch.charCodeAt(0);
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
