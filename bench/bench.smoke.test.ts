// Smoke test of the whole harness: `--size smoke`, 1 rep, both servers; checks the result file's shape, never timings.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, mlflowAvailable } from './paths.js';
import type { BenchResult } from './result.js';
import { WORKLOADS } from './workloads/index.js';

const haveMlflow = mlflowAvailable();
const inCi = process.env.CI === 'true';
if (!haveMlflow && !inCi) {
  console.warn(
    '\n!!!!! bench smoke test SKIPPED: compat/.venv (MLflow 3.18.0) is missing; run `bash compat/setup.sh` !!!!!\n',
  );
}

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'run.ts'), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// Under CI a missing venv must fail, not skip: the test then runs and its first assertion says why.
describe.skipIf(!haveMlflow && !inCi)('bench harness (smoke)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects an unknown backend clearly', async () => {
    const { code, output } = await runCli(['--backend', 'oracle']);
    expect(code).toBe(2);
    expect(output).toContain("--backend must be sqlite or postgres, not 'oracle'");
  });

  it(
    'runs every workload against both servers and writes numbers and ratios',
    { timeout: 240_000 },
    async () => {
      expect(haveMlflow, 'compat/.venv is missing: run `bash compat/setup.sh`').toBe(true);
      const out = join(dir, 'smoke.json');
      const { code, output } = await runCli(['--size', 'smoke', '--reps', '1', '--out', out]);
      expect(code, output).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
      expect(result.meta).toMatchObject({ size: 'smoke', backend: 'sqlite', reps: 1, mlflowWorkers: 4 });
      expect(result.workloads.map((w) => w.id)).toEqual(WORKLOADS.map((w) => w.id));
      for (const workload of WORKLOADS) {
        const got = result.workloads.find((w) => w.id === workload.id);
        expect(got?.errors, `W${workload.id}`).toEqual([]);
        expect(got?.measures.map((m) => m.key)).toEqual(workload.measures.map((m) => m.key));
        for (const m of got?.measures ?? []) {
          const where = `W${workload.id} ${m.key}`;
          expect(typeof m.mlflow === 'number' && Number.isFinite(m.mlflow), where).toBe(true);
          if (m.mlflowTs === 'n/a') {
            expect(workload.mayBeNa?.('mlflow-ts') ?? false, `${where}: n/a not allowed`).toBe(true);
            expect(m.ratio, where).toBe('n/a');
          } else {
            expect(typeof m.mlflowTs === 'number' && Number.isFinite(m.mlflowTs), where).toBe(true);
            expect(typeof m.ratio === 'number' && Number.isFinite(m.ratio), where).toBe(true);
          }
        }
      }
    },
  );

  it(
    'runs on PostgreSQL too: seed database, one copy per server, all dropped at the end',
    { timeout: 240_000 },
    async () => {
      const out = join(dir, 'smoke-pg.json');
      const { code, output } = await runCli([
        '--size',
        'smoke',
        '--reps',
        '1',
        '--backend',
        'postgres',
        '--workloads',
        '1,3,8',
        '--out',
        out,
      ]);
      expect(code, output).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
      expect(result.meta).toMatchObject({ size: 'smoke', backend: 'postgres' });
      expect(result.workloads.map((w) => w.id)).toEqual([1, 3, 8]);
      for (const w of result.workloads) {
        expect(w.errors, `W${w.id}`).toEqual([]);
        for (const m of w.measures)
          expect(typeof m.ratio === 'number' && Number.isFinite(m.ratio)).toBe(true);
      }
      expect(output).not.toContain('could not drop the bench databases');
    },
  );
});
