// `npm run bench`: parse options, run both servers through the workloads, print the table, write the JSON result.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBench } from './harness.js';
import { parseOptions } from './options.js';
import { REPO_ROOT, mlflowAvailable } from './paths.js';
import { formatTable } from './report.js';

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  if (!mlflowAvailable()) {
    console.error('compat/.venv is missing: run `bash compat/setup.sh` to install MLflow 3.18.0 first');
    return 2;
  }
  const result = await runBench(options);
  const out =
    options.out ??
    join(REPO_ROOT, 'bench', 'results', `${options.size}-${result.meta.startedAt.replaceAll(':', '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${formatTable(result)}\n\nresult: ${out}`);
  return result.workloads.some((w) => w.errors.length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
