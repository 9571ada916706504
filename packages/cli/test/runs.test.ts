// `mlflow-ts runs …` end to end against a real server: list, describe, delete, restore and their errors.
import { describe, expect, it } from 'vitest';
import { SLOW, useDataServer } from './data-server.js';

const srv = useDataServer('mlflow-ts-cli-runs-', { TZ: 'UTC' });
const { cli } = srv;

describe('runs', () => {
  it(
    'lists newest first, describes as MLflow does, deletes and restores',
    async () => {
      const exp = await srv.client.createExperiment('cli-runs');
      const old = await srv.client.createRun(exp, { runName: 'old', startTime: 1_600_000_000_000 });
      const recent = await srv.client.createRun(exp, { runName: 'new', startTime: 1_700_000_000_000 });
      await srv.client.logBatch(recent.info.run_id, {
        metrics: [{ key: 'm', value: 0.5, timestamp: 1 }],
        params: { p: 'v' },
      });

      const listed = await cli(['runs', 'list', '--experiment-id', exp]);
      expect(listed.stdout).toBe(
        [
          'Date                     Name    ID                              ',
          '-----------------------  ------  --------------------------------',
          `2023-11-14 22:13:20 UTC  new     ${recent.info.run_id}`,
          `2020-09-13 12:26:40 UTC  old     ${old.info.run_id}`,
          '',
        ].join('\n'),
      );

      const described = await cli(['runs', 'describe', '--run-id', recent.info.run_id]);
      expect(described.stdout.split('\n')[1]).toBe('    "info": {');
      expect(JSON.parse(described.stdout)).toEqual({
        info: {
          artifact_uri: recent.info.artifact_uri,
          end_time: null,
          experiment_id: exp,
          lifecycle_stage: 'active',
          run_id: recent.info.run_id,
          run_name: 'new',
          start_time: 1_700_000_000_000,
          status: 'RUNNING',
          user_id: 'unknown',
        },
        data: {
          metrics: { m: 0.5 },
          params: { p: 'v' },
          tags: { 'mlflow.runName': 'new' },
        },
        inputs: { model_inputs: [], dataset_inputs: [] },
        outputs: { model_outputs: [] },
      });

      expect((await cli(['runs', 'delete', '--run-id', old.info.run_id])).stdout).toBe(
        `Run with ID ${old.info.run_id} has been deleted.\n`,
      );
      const deleted = await cli([
        'runs',
        'list',
        '--experiment-id',
        exp,
        '-v',
        'deleted_only',
        '--output',
        'json',
      ]);
      expect((JSON.parse(deleted.stdout) as { run_id: string }[]).map((r) => r.run_id)).toEqual([
        old.info.run_id,
      ]);
      expect((await cli(['runs', 'restore', '--run-id', old.info.run_id])).stdout).toBe(
        `Run with id ${old.info.run_id} has been restored.\n`,
      );
    },
    SLOW,
  );

  it.each<[string, string[], number, string]>([
    [
      'describe of a missing run',
      ['runs', 'describe', '--run-id', 'nope'],
      1,
      'Error: RESOURCE_DOES_NOT_EXIST: Run with id=nope not found\n',
    ],
    [
      'list without an experiment',
      ['runs', 'list'],
      2,
      "Error: Required option '--experiment-id <ID>' not specified\n",
    ],
  ])(
    '%s: one line, non-zero exit',
    async (_name, args, code, stderr) => {
      expect(await cli(args)).toEqual({ code, stdout: '', stderr });
    },
    SLOW,
  );
});
