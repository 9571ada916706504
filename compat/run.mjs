// `npm run test:compat`: runs the compat suite (real mlflow client vs a live server) with compat/.venv's pytest,
// once per backend store (sqlite, postgres, mysql; COMPAT_BACKENDS narrows), and fails if any run fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MLFLOW_VERSION = '3.18.0';
const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);
const python = join(here, '.venv', 'bin', 'python');

function venvProblem() {
  if (!existsSync(python)) return 'compat/.venv missing';
  const probe = spawnSync(python, ['-c', 'import mlflow, pytest; print(mlflow.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) return 'compat/.venv cannot import mlflow and pytest';
  const version = probe.stdout.trim();
  if (version !== MLFLOW_VERSION) return `compat/.venv has mlflow ${version}, want ${MLFLOW_VERSION}`;
  return null;
}

const problem = venvProblem();
if (problem) {
  if (process.env.CI === 'true') {
    console.error(`compat suite cannot run: ${problem} — run bash compat/setup.sh before the tests`);
    process.exit(1);
  }
  console.error(`!!! compat suite SKIPPED: ${problem} — run bash compat/setup.sh`);
  process.exit(0);
}

const server = process.env.COMPAT_SERVER ?? 'mlflow-ts';
const ALL_BACKENDS = ['sqlite', 'postgres', 'mysql'];
// COMPAT_BACKENDS=sqlite,mysql narrows the run (a lone COMPAT_BACKEND works too); default: all three in turn.
const wanted = (process.env.COMPAT_BACKENDS ?? process.env.COMPAT_BACKEND ?? ALL_BACKENDS.join(','))
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const unknown = wanted.filter((b) => !ALL_BACKENDS.includes(b));
if (unknown.length || !wanted.length) {
  console.error(`COMPAT_BACKENDS must list some of ${ALL_BACKENDS.join(', ')}; got '${wanted.join(',')}'`);
  process.exit(1);
}

const ci = process.env.CI === 'true';
const summary = [];
let failed = 0;
for (const backend of wanted) {
  console.log(`\n=== compat suite: COMPAT_SERVER=${server} COMPAT_BACKEND=${backend}`);
  const env = { ...process.env, COMPAT_BACKEND: backend };
  const probe = spawnSync(python, [join(here, 'backends.py'), backend], { encoding: 'utf8', env });
  if (probe.status !== 0) {
    const why = (probe.stdout || probe.stderr || `probe exit ${probe.status}`).trim();
    if (ci) {
      console.error(`=== compat suite cannot run on ${backend}: ${why}`);
      summary.push(`${backend}: UNREACHABLE (failure under CI=true)`);
      failed++;
    } else {
      console.error(`!!! compat suite SKIPPED on backend ${backend}: ${why}`);
      summary.push(`${backend}: SKIPPED (unreachable)`);
    }
    continue;
  }
  const started = Date.now();
  const args = ['-m', 'pytest', 'compat', '-q', '-p', 'no:cacheprovider', ...process.argv.slice(2)];
  const result = spawnSync(python, args, { cwd: repo, stdio: 'inherit', env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  let status;
  if (result.error) {
    console.error(`could not start pytest: ${result.error.message}`);
    status = 1;
  } else if (result.signal) {
    console.error(`pytest killed by ${result.signal}`);
    status = 1;
  } else {
    // pytest exit 5 = no tests collected: a broken selection, not a pass.
    status = result.status === 5 ? 1 : (result.status ?? 1);
  }
  if (status !== 0) failed++;
  summary.push(`${backend}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${secs}s`);
}
console.log(`\n=== compat suite (COMPAT_SERVER=${server}):\n  ${summary.join('\n  ')}`);
process.exit(failed ? 1 : 0);
