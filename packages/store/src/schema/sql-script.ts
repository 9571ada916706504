// Loads the .sql files that ship in src/schema and splits them into single statements.
import { readFileSync } from 'node:fs';

/**
 * Reads a file of src/schema. The path goes through the package root so it resolves the same
 * from src/schema/*.ts (tests, tsx) and dist/schema/*.js (build): tsc does not copy .sql files.
 */
export function readSchemaFile(name: string): string {
  return readFileSync(new URL(`../../src/schema/${name}`, import.meta.url), 'utf8');
}

/**
 * Statements in our .sql files end with `;` followed by a blank line (a trigger body holds `;`
 * without one); chunks that are only comments are dropped.
 */
export function splitSqlScript(script: string): string[] {
  return script
    .split(/;[ \t]*\r?\n[ \t]*\r?\n/)
    .map((chunk) => chunk.trim().replace(/;$/, ''))
    .filter((chunk) => chunk.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
}
