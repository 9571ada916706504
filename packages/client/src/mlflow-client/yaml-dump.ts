// A small YAML writer for logDict's .yaml/.yml files: block style, strings quoted when YAML would misread them.

const PLAIN = /^[A-Za-z_][A-Za-z0-9_ .\-/]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  const s = String(v as string);
  // JSON strings are valid YAML double-quoted scalars.
  return PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s);
}

function isContainer(v: unknown): v is object {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function lines(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item: unknown) => {
      if (!isContainer(item)) return [`${indent}- ${emptyOr(item)}`];
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(v as Record<string, unknown>).flatMap(([k, item]) =>
    isContainer(item)
      ? // Lists under a key are not indented, as PyYAML's safe_dump writes them.
        [`${indent}${scalar(k)}:`, ...lines(item, Array.isArray(item) ? indent : `${indent}  `)]
      : [`${indent}${scalar(k)}: ${emptyOr(item)}`],
  );
}

function emptyOr(v: unknown): string {
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object' && v !== null) return '{}';
  return scalar(v);
}

/**
 * Serialises plain data (objects, arrays, strings, numbers, booleans, null) as block YAML.
 *
 * @example
 * dumpYaml({ lr: 0.01, layers: [64, 32] }) // 'lr: 0.01\nlayers:\n- 64\n- 32\n'
 */
export function dumpYaml(value: unknown): string {
  if (!isContainer(value)) return `${emptyOr(value)}\n`;
  return `${lines(value, '').join('\n')}\n`;
}
