// Loads a step's SQL file for one database kind and splits it into statements and named parts.
import { readFileSync } from 'node:fs';
import type { MigrationDialect } from './migration-step.js';

const cache = new Map<string, Map<string, string[]>>();

/**
 * Through the package root so the path is the same from src/migrations (tests, tsx) and
 * dist/migrations (build): tsc does not copy .sql files.
 */
function readStepFile(dialect: MigrationDialect, revision: string): string {
  return readFileSync(
    new URL(`../../src/migrations/sql/${dialect}/${revision}.sql`, import.meta.url),
    'utf8',
  );
}

/**
 * Statements end with `;` and a blank line (trigger and function bodies hold `;` without one).
 * `-- @part <name>` starts a named part; what comes before the first marker is the part ''.
 */
function parse(text: string): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  let name = '';
  for (const chunk of text.split(/;[ \t]*\r?\n[ \t]*\r?\n/)) {
    const lines = chunk.split(/\r?\n/);
    const kept: string[] = [];
    for (const line of lines) {
      const marker = /^--\s*@part\s+(\S+)\s*$/.exec(line.trim());
      if (marker) {
        if (kept.some((l) => l.trim() !== '' && !l.trim().startsWith('--'))) add(parts, name, kept);
        kept.length = 0;
        name = marker[1] ?? '';
      } else kept.push(line);
    }
    if (kept.some((l) => l.trim() !== '' && !l.trim().startsWith('--'))) add(parts, name, kept);
  }
  return parts;
}

function add(parts: Map<string, string[]>, name: string, lines: string[]): void {
  const statement = lines
    .filter((l) => !l.trim().startsWith('--'))
    .join('\n')
    .trim()
    .replace(/;$/, '');
  const list = parts.get(name) ?? [];
  list.push(statement);
  parts.set(name, list);
}

/** The statements of one part (all parts in file order when `part` is undefined). */
export function stepStatements(dialect: MigrationDialect, revision: string, part?: string): string[] {
  const key = `${dialect}/${revision}`;
  let parts = cache.get(key);
  if (!parts) {
    parts = parse(readStepFile(dialect, revision));
    cache.set(key, parts);
  }
  if (part === undefined) return [...parts.values()].flat();
  const found = parts.get(part);
  if (!found) throw new Error(`Migration ${revision} has no part '${part}' for ${dialect}.`);
  return found;
}
