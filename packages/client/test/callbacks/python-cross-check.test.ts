// Cross-check with MLflow 3.18's own checkpoint code on a real mlflow-ts server: same layout, tag and metrics files
// for the same calls, and MLflow's download_checkpoint_artifact finds the checkpoints our callback wrote.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadCheckpointArtifact,
  LATEST_CHECKPOINT_ARTIFACT_TAG_KEY,
  ModelCheckpointCallbackBase,
} from '../../src/callbacks/index.js';
import { HttpTrackingPort } from './http-tracking-port.js';
import { startMlflowTsServer, type RunningServer } from './mlflow-ts-server.js';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PYTHON = path.join(HERE, '../../../../compat/.venv/bin/python');
const SCRIPT = path.join(HERE, 'python-checkpoints.py');
const hasMlflow = existsSync(PYTHON);
if (!hasMlflow) {
  if (process.env.CI === 'true') throw new Error(`compat venv missing at ${PYTHON} (run compat/setup.sh)`);
  console.warn(
    `SKIPPING the Python checkpoint cross-check: no compat venv at ${PYTHON} (run compat/setup.sh)`,
  );
}

/** The same directory checkpoint as the Python script's saver. */
class DirCheckpoint extends ModelCheckpointCallbackBase {
  override async saveCheckpoint(filepath: string): Promise<void> {
    await mkdir(filepath);
    await writeFile(path.join(filepath, 'model.json'), '{"saved":"model"}');
    await writeFile(path.join(filepath, 'weights.bin'), Buffer.from([0, 1, 2]));
  }
}

interface Scenario {
  name: string;
  suffix: string;
  monitor: string | null;
  mode: string;
  saveBestOnly: boolean;
  saveWeightsOnly: boolean;
  saveFreq: 'epoch' | number;
  /** Metric values; 'NaN' / 'Infinity' as strings so that JSON carries them to Python. */
  steps: [number, number, Record<string, number | string>][];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'per epoch',
    suffix: '.tfjs',
    monitor: null,
    mode: 'min',
    saveBestOnly: false,
    saveWeightsOnly: false,
    saveFreq: 'epoch',
    steps: [
      [0, 4, { loss: 1, val_loss: 0.75, lr: 1e-5 }],
      [1, 8, { loss: 'NaN', val_loss: 'Infinity', epoch: 7 }],
    ],
  },
  {
    name: 'every 3 steps, weights only',
    suffix: '.tfjs',
    monitor: null,
    mode: 'min',
    saveBestOnly: false,
    saveWeightsOnly: true,
    saveFreq: 3,
    steps: [
      [0, 3, { loss: 0.5 }],
      [1, 6, { loss: 0.25 }],
    ],
  },
  {
    name: 'best only, max',
    suffix: '',
    monitor: 'acc',
    mode: 'max',
    saveBestOnly: true,
    saveWeightsOnly: false,
    saveFreq: 'epoch',
    steps: [
      [0, 2, { acc: 0.5 }],
      [1, 4, { acc: 0.25 }],
      [2, 6, { acc: 0.75 }],
      [3, 8, { loss: 0.125 }],
    ],
  },
  {
    name: 'best only, weights only, min',
    suffix: '.tfjs',
    monitor: 'val_loss',
    mode: 'min',
    saveBestOnly: true,
    saveWeightsOnly: true,
    saveFreq: 2,
    steps: [
      [0, 2, { val_loss: 0.5 }],
      [0, 4, { val_loss: 0.25 }],
    ],
  },
];

describe.runIf(hasMlflow)("MLflow's checkpoint_utils against ours", () => {
  let server: RunningServer;
  let port: HttpTrackingPort;
  let work: string;
  beforeAll(async () => {
    server = await startMlflowTsServer();
    port = new HttpTrackingPort(server.url);
    work = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-xcheck-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const python = (args: string[]): Promise<{ stdout: string }> =>
    run(PYTHON, [SCRIPT, ...args], {
      env: { ...process.env, MLFLOW_TRACKING_URI: server.url },
      timeout: 60_000,
    });

  async function snapshot(
    runId: string,
  ): Promise<{ tag: string | undefined; files: Record<string, string> }> {
    const files: Record<string, string> = {};
    for (const f of await port.listFiles(runId))
      files[f] = (await port.readArtifact(runId, f)).toString('latin1');
    return { tag: (await port.getRun(runId)).tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY], files };
  }

  describe('the same calls give the same artifacts and tag', () => {
    /** Scenario name → the run MLflow's code logged to (all in one Python process: it starts slowly). */
    const theirs = new Map<string, string>();
    beforeAll(async () => {
      const jobs = [];
      for (const s of SCENARIOS) {
        const runId = await port.createRun();
        theirs.set(s.name, runId);
        const config = {
          suffix: s.suffix,
          monitor: s.monitor,
          mode: s.mode,
          save_best_only: s.saveBestOnly,
          save_weights_only: s.saveWeightsOnly,
          save_freq: s.saveFreq,
          steps: s.steps,
        };
        jobs.push({ run_id: runId, config });
      }
      const jobsFile = path.join(work, 'jobs.json');
      await writeFile(jobsFile, JSON.stringify(jobs));
      await python(['write', jobsFile]);
    }, 120_000);

    it.each(SCENARIOS)('$name', async (s) => {
      const oursId = await port.createRun();
      const ours = new DirCheckpoint({
        client: port,
        runId: oursId,
        checkpointFileSuffix: s.suffix,
        monitor: s.monitor,
        mode: s.mode,
        saveBestOnly: s.saveBestOnly,
        saveWeightsOnly: s.saveWeightsOnly,
        saveFreq: s.saveFreq,
        onWarning: () => undefined,
      });
      for (const [epoch, step, metrics] of s.steps) {
        const numbers = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Number(v)]));
        await ours.checkAndSaveCheckpointIfNeeded(epoch, step, numbers);
      }
      const [a, b] = [await snapshot(oursId), await snapshot(theirs.get(s.name) as string)];
      expect(Object.keys(a.files).length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    });
  });

  it('download_checkpoint_artifact finds our checkpoints, and fails as ours does', async () => {
    const runId = await port.createRun();
    const bare = await port.createRun();
    const cb = new DirCheckpoint({
      client: port,
      runId,
      checkpointFileSuffix: '.tfjs',
      monitor: null,
      mode: 'min',
      saveBestOnly: false,
      saveWeightsOnly: false,
      saveFreq: 'epoch',
    });
    for (const epoch of [0, 1, 2])
      await cb.checkAndSaveCheckpointIfNeeded(epoch, (epoch + 1) * 4, { loss: 0.5 });

    const dst = (name: string): string => path.join(work, name);
    await Promise.all(['latest', 'epoch1', 'py-latest', 'py-epoch1'].map((d) => mkdir(dst(d))));
    const cases = [
      { run_id: runId, dst_path: dst('py-latest') },
      { run_id: runId, epoch: 1, dst_path: dst('py-epoch1') },
      { run_id: runId, epoch: 1, global_step: 4, dst_path: work },
      { run_id: bare, dst_path: work },
      { dst_path: work },
    ];
    const casesFile = dst('cases.json');
    await writeFile(casesFile, JSON.stringify(cases));
    // Paths relative to each side's destination: the same file names under different directories.
    const relative = (r: { path?: string; error?: string }, i: number): { path?: string; error?: string } =>
      r.path === undefined ? r : { path: path.relative(cases[i]?.dst_path ?? '', r.path) };
    const theirs = (JSON.parse((await python(['download', casesFile])).stdout) as { path?: string }[]).map(
      relative,
    );
    const ours = await Promise.all(
      cases.map((c) =>
        downloadCheckpointArtifact(
          {
            ...(c.run_id !== undefined && { runId: c.run_id }),
            ...(c.epoch !== undefined && { epoch: c.epoch }),
            ...(c.global_step !== undefined && { globalStep: c.global_step }),
            dstPath: c.dst_path.replace('py-', ''),
          },
          { client: port, activeRunId: () => undefined },
        ).then(
          (p) => ({ path: path.relative(c.dst_path.replace('py-', ''), p) }),
          (e: Error) => ({ error: e.message }),
        ),
      ),
    );
    expect(ours).toEqual(theirs);
    expect(theirs).toEqual([
      { path: 'checkpoint.tfjs' },
      { path: 'checkpoint.tfjs' },
      { error: "Only one of 'epoch' and 'global_step' can be set for 'load_checkpoint'." },
      { error: 'There is no logged checkpoint artifact in the current run.' },
      {
        error:
          "There is no active run, please provide the 'run_id' argument for 'load_checkpoint' invocation.",
      },
    ]);
    for (const d of ['latest', 'epoch1', 'py-latest', 'py-epoch1']) {
      expect((await readdir(path.join(dst(d), 'checkpoint.tfjs'))).sort()).toEqual([
        'model.json',
        'weights.bin',
      ]);
    }
    // MLflow downloads the same bytes from our server that our download does.
    for (const [a, b] of [
      ['latest', 'py-latest'],
      ['epoch1', 'py-epoch1'],
    ] as const) {
      for (const f of ['model.json', 'weights.bin']) {
        expect(await readFile(path.join(dst(a), 'checkpoint.tfjs', f))).toEqual(
          await readFile(path.join(dst(b), 'checkpoint.tfjs', f)),
        );
      }
    }
  }, 120_000);
});
