// Plain-text tables as MLflow's CLI prints them (mlflow.utils.string_utils._create_table).

/**
 * Left-aligned columns two spaces apart, a dashed rule under the headers; each column as wide
 * as its widest cell, its header plus two, and at least four.
 *
 * @example
 * createTable([['0', 'Default']], ['Experiment Id', 'Name'])
 */
export function createTable(rows: readonly (readonly string[])[], headers: readonly string[]): string {
  const widths = headers.map((h, i) => Math.max(...rows.map((r) => (r[i] ?? '').length), h.length + 2, 4));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Python's sorted() order for rows of strings: lexicographic by code point, column by column. */
export function compareRows(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
