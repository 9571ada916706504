// `mlflow-ts experiments …` end to end against a real server: output formats, errors, and parity with MLflow's CLI.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SLOW, useDataServer } from './data-server.js';
import { REPO_ROOT } from './run-cli.js';

const MLFLOW_CLI = join(REPO_ROOT, 'compat/.venv/bin/mlflow');
const hasMlflow = existsSync(MLFLOW_CLI);
if (!hasMlflow && process.env.CI !== 'true')
  console.warn(
    `\n!!!! SKIPPED MLflow CLI parity: ${MLFLOW_CLI} is missing; run 'bash compat/setup.sh' !!!!\n`,
  );

const srv = useDataServer('mlflow-ts-cli-exp-');
const { cli } = srv;

describe('experiments', () => {
  it(
    'creates, shows, renames, deletes and restores',
    async () => {
      expect(await cli(['experiments', 'create', '-n', 'cli-a'])).toEqual({
        code: 0,
        stdout: "Created experiment 'cli-a' with id 1\n",
        stderr: '',
      });
      const dup = await cli(['experiments', 'create', '--experiment-name', 'cli-a']);
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(
        /^Error: RESOURCE_ALREADY_EXISTS: Experiment\(name=cli-a\) already exists\.[^\n]*\n$/,
      );

      const got = await cli(['experiments', 'get', '-n', 'cli-a', '--output', 'json']);
      expect(JSON.parse(got.stdout)).toMatchObject({
        experiment_id: '1',
        name: 'cli-a',
        lifecycle_stage: 'active',
        tags: {},
      });
      const table = await cli(['experiments', 'get', '-x', '1']);
      expect(table.stdout.split('\n').slice(0, 2)).toEqual([
        'Experiment ID      : 1',
        'Name               : cli-a',
      ]);

      expect((await cli(['experiments', 'rename', '-x', '1', '--new-name', 'cli-b'])).stdout).toBe(
        "Experiment with id 1 has been renamed to 'cli-b'.\n",
      );
      expect((await cli(['experiments', 'delete', '-x', '1'])).stdout).toBe(
        'Experiment with ID 1 has been deleted.\n',
      );
      const active = await cli(['experiments', 'search', '--output', 'json']);
      expect((JSON.parse(active.stdout) as { name: string }[]).map((e) => e.name)).toEqual(['Default']);
      const all = await cli(['experiments', 'search', '-v', 'all']);
      expect(all.stdout).toBe(
        [
          'Experiment Id    Name     Artifact Location  ',
          '---------------  -------  -------------------',
          '0                Default  mlflow-artifacts:/0',
          '1                cli-b    mlflow-artifacts:/1',
          '',
        ].join('\n'),
      );
      expect((await cli(['experiments', 'restore', '-x', '1'])).stdout).toBe(
        'Experiment with id 1 has been restored.\n',
      );
    },
    SLOW,
  );

  it(
    'exports runs as CSV to stdout or a file',
    async () => {
      const id = await srv.client.createExperiment('cli-csv');
      const run = await srv.client.createRun(id, { runName: 'r', startTime: 1_700_000_000_123 });
      await srv.client.logBatch(run.info.run_id, {
        metrics: [{ key: 'acc', value: 1, timestamp: 1 }],
        params: { lr: 'a,"b' },
      });
      const out = await cli(['experiments', 'csv', '-x', id]);
      expect(out.stdout).toBe(
        [
          'run_id,experiment_id,status,artifact_uri,start_time,end_time,metrics.acc,params.lr,tags.mlflow.runName',
          `${run.info.run_id},${id},RUNNING,${run.info.artifact_uri ?? ''},2023-11-14 22:13:20.123000+00:00,,1.0,"a,""b",r`,
          '',
          '',
        ].join('\n'),
      );
      const file = join(srv.dir, 'runs.csv');
      const written = await cli(['experiments', 'csv', '-x', id, '-o', file]);
      expect(written.stdout).toBe(`Experiment with ID ${id} has been exported as a CSV to file: ${file}.\n`);
      expect(`${readFileSync(file, 'utf8')}\n`).toBe(out.stdout);
    },
    SLOW,
  );

  it.each<[string, string[], number, string]>([
    [
      'get without id or name',
      ['experiments', 'get'],
      2,
      'Error: Must specify exactly one of --experiment-id or --experiment-name.\n',
    ],
    [
      'delete without id',
      ['experiments', 'delete'],
      2,
      "Error: Required option '-x, --experiment-id <ID>' not specified\n",
    ],
    [
      'a bad view',
      ['experiments', 'search', '-v', 'some'],
      2,
      "Error: Invalid view type 'some': use active_only, deleted_only or all.\n",
    ],
    [
      'a bad --output',
      ['experiments', 'search', '--output', 'xml'],
      2,
      "Error: Option '--output <FORMAT>' argument 'xml' is invalid. Allowed choices are json, table.\n",
    ],
    [
      'a missing experiment',
      ['experiments', 'get', '-x', '999'],
      1,
      'Error: RESOURCE_DOES_NOT_EXIST: No Experiment with id=999 exists\n',
    ],
  ])(
    '%s: one line, non-zero exit',
    async (_name, args, code, stderr) => {
      expect(await cli(args)).toEqual({ code, stdout: '', stderr });
    },
    SLOW,
  );

  it(
    'needs a tracking URI, and refuses non-http ones',
    async () => {
      const none = await cli(['experiments', 'search'], { MLFLOW_TRACKING_URI: '' });
      expect(none).toEqual({
        code: 2,
        stdout: '',
        stderr: 'Error: No tracking server: pass --tracking-uri or set MLFLOW_TRACKING_URI.\n',
      });
      const file = await cli(['experiments', 'search', '--tracking-uri', 'file:///tmp/mlruns']);
      expect(file.code).toBe(2);
      expect(file.stderr).toMatch(/^Error: Unsupported tracking URI 'file:\/\/\/tmp\/mlruns'/);
      const flag = await cli(['experiments', 'search', '--output', 'json', '--tracking-uri', srv.url], {
        MLFLOW_TRACKING_URI: '',
      });
      expect(flag.code).toBe(0);
    },
    SLOW,
  );

  it.skipIf(!hasMlflow && process.env.CI !== 'true')(
    'prints what MLflow’s own CLI prints',
    async () => {
      const py = promisify(execFile);
      const env = {
        ...process.env,
        MLFLOW_TRACKING_URI: srv.url,
        MLFLOW_DISABLE_TELEMETRY: 'true',
        DO_NOT_TRACK: 'true',
      };
      const id = await srv.client.createExperiment('cli-parity', { tags: { team: 'x' } });
      const r = await srv.client.createRun(id, { runName: 'p', startTime: 1_700_000_000_000 });
      await srv.client.logBatch(r.info.run_id, {
        metrics: [{ key: 'm', value: 0.25, timestamp: 1 }],
        params: { p: '1' },
      });
      await srv.client.setTerminated(r.info.run_id, 'FINISHED', 1_700_000_005_000);
      for (const args of [
        ['experiments', 'search'],
        ['experiments', 'get', '-x', id],
        ['experiments', 'get', '-x', id, '--output', 'json'],
        ['experiments', 'csv', '-x', id],
      ]) {
        const theirs = await py(MLFLOW_CLI, args, { env });
        const ours = await cli(args);
        expect({ args, out: ours.stdout }).toEqual({ args, out: theirs.stdout });
      }
    },
    SLOW,
  );
});
