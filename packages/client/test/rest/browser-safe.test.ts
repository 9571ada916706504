// The browser entry (@mlflow-ts/client) must not reach a Node built-in: walk its import graph from src/index.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from `entry` through relative imports, and the bare specifiers they use. */
function graph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.add(spec);
    }
  };
  visit(path.join(SRC, entry));
  return { files, bare };
}

describe('browser entry', () => {
  it('imports no Node built-ins and uses no Node globals', () => {
    const { files, bare } = graph('index.ts');
    expect(files.length).toBeGreaterThan(10);
    expect(
      [...bare].filter(
        (s) => s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'stream'].includes(s),
      ),
    ).toEqual([]);
    const nodeGlobals = files.filter((f) =>
      /\b(process\.|Buffer\.|setImmediate\(|__dirname)/.test(readFileSync(f, 'utf8')),
    );
    expect(nodeGlobals.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('keeps the fluent API and file transfers on the Node entry', () => {
    const { files } = graph('node/index.ts');
    const rel = files.map((f) => path.relative(SRC, f));
    expect(rel).toEqual(
      expect.arrayContaining(['node/node-client.ts', 'fluent/index.ts', 'fluent/exit-hooks.ts']),
    );
  });
});
