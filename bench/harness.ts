// Runs the selected workloads against MLflow's server and ours: seed once, copy per server, alternate A/B per rep.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options.js';
import { summarise, type BenchResult, type Value, type WorkloadResult } from './result.js';
import { postgresBenchDatabase, sqliteBenchDatabase } from './bench-database.js';
import {
  MLFLOW_DEFAULT_WORKERS,
  startServer,
  type RunningServer,
  type ServerKind,
} from './server-process.js';
import { SIZES } from './sizes.js';
import { WORKLOADS } from './workloads/index.js';
import { measureIdle } from './workloads/startup-idle.js';
import { warmUp } from './warm-up.js';
import type { StartupSample } from './workload.js';

const KINDS: readonly ServerKind[] = ['mlflow', 'mlflow-ts'];

/** Runs the benchmark; `log` receives progress lines. Servers are always stopped, the scratch dir removed. */
export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = console.log,
): Promise<BenchResult> {
  const size = SIZES[options.size];
  const startedAt = new Date().toISOString();
  const workDir = mkdtempSync(join(tmpdir(), 'mlflow-ts-bench-'));
  const running: (() => Promise<void>)[] = [];
  const stopAll = (): Promise<unknown> => Promise.all(running.map((stop) => stop()));
  let aborted = false;
  const onSignal = (): void => {
    aborted = true;
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let starts = 0;
  // Per server kind, the copy its later starts are copied from (undefined: the seed itself).
  const templates: Partial<Record<ServerKind, string>> = {};
  const start = async (kind: ServerKind, label: string): Promise<RunningServer> => {
    if (aborted) throw new Error('interrupted');
    const n = starts++;
    const backendUri = await database.copy(`${label}-${n}`, templates[kind]);
    const artifactsDir = join(workDir, `${label}-${n}-artifacts`);
    mkdirSync(artifactsDir);
    return startServer(
      {
        kind,
        backendUri,
        artifactsDir,
        logPath: join(workDir, `${label}-${n}.log`),
        tsCommand: options.tsCommand,
      },
      (stop) => {
        running.push(stop);
        if (aborted) void stop(); // the signal came while this one was starting
      },
    );
  };
  const database =
    options.backend === 'postgres' ? postgresBenchDatabase(options.pgUri) : sqliteBenchDatabase(workDir);
  try {
    let t = performance.now();
    const seed = await database.seed(size);
    log(
      `seeded ${database.describe()} in ${((performance.now() - t) / 1000).toFixed(1)} s (mlflow db upgrade + rows)`,
    );
    t = performance.now();
    // Only the selected servers start; the other's samples read 'n/a' (so no ratio) rather than FAILED.
    const kinds = KINDS.filter((k) => options.servers === 'both' || options.servers === k);
    if (kinds.includes('mlflow-ts')) {
      // Our first open of a database MLflow wrote builds our extra indexes once (mlflow-ts-indexes.sql); every
      // timed start (W7 especially) is a restart on a database already in use, so it copies one opened once.
      const opener = await start('mlflow-ts', 'mlflow-ts-opened');
      await opener.stop();
      templates['mlflow-ts'] = `mlflow-ts-opened-${starts - 1}`;
      log(
        `mlflow-ts opened the seed once (extra indexes) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      t = performance.now();
    }
    const started = await Promise.all(kinds.map((k) => start(k, k)));
    const servers: Partial<Record<ServerKind, RunningServer>> = Object.fromEntries(
      kinds.map((k, i) => [k, started[i]]),
    );
    log(
      `servers up in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
        kinds.map((k) => `${k === 'mlflow' ? 'MLflow' : k} ${servers[k]?.baseUrl}`).join(', '),
    );
    const initial: Partial<Record<ServerKind, StartupSample>> = {};
    if (options.workloads.includes(7)) {
      const idle = await Promise.all(started.map((server) => measureIdle(server)));
      kinds.forEach((k, i) => (initial[k] = idle[i]));
    }
    // One server at a time, so neither warm-up competes with the other for the CPU.
    for (const server of started) await warmUp(server, seed);

    const results: WorkloadResult[] = [];
    for (const workload of WORKLOADS.filter((w) => options.workloads.includes(w.id))) {
      const samples: Record<ServerKind, Record<string, Value>[]> = { mlflow: [], 'mlflow-ts': [] };
      const errors: string[] = [];
      for (let rep = 1; rep <= options.reps && !aborted; rep++) {
        const order = rep % 2 === 1 ? KINDS : [...KINDS].reverse();
        for (const kind of order) {
          const server = servers[kind];
          if (server === undefined) {
            samples[kind].push(Object.fromEntries(workload.measures.map((m) => [m.key, 'n/a'])));
            continue;
          }
          const begun = performance.now();
          let row: Record<string, Value>;
          try {
            const sample = await workload.run({
              server,
              seed,
              size,
              rep,
              workDir,
              initial: initial[kind],
              startFresh: () => start(kind, `${kind}-fresh`),
            });
            if (sample === 'n/a' && !(workload.mayBeNa?.(kind) ?? false)) throw new Error('answered n/a');
            row = Object.fromEntries(
              workload.measures.map((m) => [m.key, sample === 'n/a' ? 'n/a' : (sample[m.key] ?? null)]),
            );
          } catch (err) {
            const died = server.exitReason();
            const message =
              `${kind} rep ${rep}: ${err instanceof Error ? err.message : String(err)}` +
              (died === undefined ? '' : ` (server process had exited: ${died})`);
            errors.push(message);
            row = Object.fromEntries(workload.measures.map((m) => [m.key, null]));
          }
          samples[kind].push(row);
          const secs = ((performance.now() - begun) / 1000).toFixed(1);
          log(
            `W${workload.id} rep ${rep} ${kind}: ${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))} (${secs} s)`,
          );
        }
      }
      results.push({
        id: workload.id,
        title: workload.title,
        shape: workload.shape(size),
        measures: workload.measures.map((m) =>
          summarise(
            m,
            samples.mlflow.map((s) => s[m.key] ?? null),
            samples['mlflow-ts'].map((s) => s[m.key] ?? null),
          ),
        ),
        errors,
      });
    }
    return {
      meta: {
        startedAt,
        size: options.size,
        backend: options.backend,
        reps: options.reps,
        mlflowVersion: '3.18.0',
        mlflowWorkers: MLFLOW_DEFAULT_WORKERS,
        mlflowTsCommand: options.tsCommand,
        node: process.version,
        cpus: cpus().length,
        note:
          'Both servers stay up for the whole run (the idle one shares the CPU); RSS is summed over the process tree ' +
          "(MLflow's includes its job runner and huey consumers). Compare ratios within one run only.",
      },
      workloads: results,
    };
  } finally {
    await stopAll();
    await database
      .dispose()
      .catch((err: unknown) => log(`could not drop the bench databases: ${String(err)}`));
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (process.env.BENCH_KEEP === '1') log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
