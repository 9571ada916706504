// Makes sure packages/ui/dist exists before a browser test: `npm install` builds it, a fresh checkout may not have.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UI_DIST, UI_ROOT } from './paths.js';

/** Builds the UI with Vite once when dist/index.html is missing (about 10 s); an existing build is reused. */
export function ensureUiBuilt(): void {
  if (existsSync(join(UI_DIST, 'index.html'))) return;
  console.log('[ui e2e] packages/ui/dist is missing: running `vite build` once');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: UI_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}
