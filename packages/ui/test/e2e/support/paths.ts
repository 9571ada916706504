// Where the repo, the CLI sources, the built UI and the screenshot folder are, resolved from this file.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..', '..', '..');
export const UI_ROOT = join(REPO_ROOT, 'packages', 'ui');
export const UI_DIST = join(UI_ROOT, 'dist');
export const CLI_SOURCE_MAIN = join(REPO_ROOT, 'packages', 'cli', 'src', 'main.ts');
/** Gitignored (test-output/), kept by CI as an artifact. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'ui-screenshots');
export const CHROMIUM = '/usr/bin/chromium';
