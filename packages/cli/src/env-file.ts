// `--env-file`: loads a dotenv file into the environment without overriding variables already set.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CliUsageError } from './errors.js';

/** Returns how many variables were added. */
export function loadEnvFile(path: string, env: NodeJS.ProcessEnv = process.env): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliUsageError(`Invalid value for '--env-file': Environment file '${path}' does not exist.`);
  }
  let added = 0;
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (env[key] !== undefined) continue;
    env[key] = value;
    added += 1;
  }
  return added;
}
