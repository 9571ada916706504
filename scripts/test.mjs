// `npm test`: lint, type-check, unit/API/store tests (vitest), then the compat suite with the real mlflow client.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.check.json']],
  // Every workspace and the UI bundle, so the e2e tests never drive a stale packages/ui/dist.
  ['build', 'npm', ['run', 'build']],
  ['unit, API and store tests', 'npx', ['vitest', 'run']],
  ['compat (real mlflow client)', 'node', ['compat/run.mjs']],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${name}: FAILED (exit ${r.status ?? r.signal}) after ${secs}s`);
  } else {
    console.log(`=== ${name}: ok in ${secs}s`);
  }
}
if (failed) {
  console.log(`\n${failed} step(s) of npm test failed`);
  process.exit(1);
}
