// `mlflow-ts runs …`: list, describe, delete and restore, with MLflow's option names.
import { collectPages } from '@mlflow-ts/client/node';
import { Command, Option } from 'commander';
import {
  action,
  clientFor,
  commandGroup,
  echo,
  echoJson,
  withDataOptions,
  type DataOptions,
} from './data/data-command.js';
import { compareRows, createTable } from './data/table.js';
import { parseViewType } from './experiments.js';
import { localDate } from './runs/local-date.js';
import { runDict } from './runs/run-dict.js';

const runId = () => new Option('--run-id <ID>', 'Id of the run').makeOptionMandatory();

function list(): Command {
  return withDataOptions(new Command('list'))
    .summary('List the runs of an experiment')
    .description('List the runs of an experiment, newest first.')
    .addOption(
      new Option('--experiment-id <ID>', 'Experiment whose runs to list')
        .env('MLFLOW_EXPERIMENT_ID')
        .makeOptionMandatory(),
    )
    .option(
      '-v, --view <VIEW>',
      "Which runs: 'active_only' (default), 'deleted_only' or 'all'",
      'active_only',
    )
    .action(
      action(async (opts: DataOptions & { experimentId: string; view: string }) => {
        const client = clientFor(opts);
        const runViewType = parseViewType(opts.view);
        const runs = await collectPages((pageToken) =>
          client.searchRuns([opts.experimentId], { runViewType, pageToken }),
        );
        if (opts.output === 'json') {
          echoJson(runs.map((r) => (runDict(r) as { info: unknown }).info));
          return;
        }
        const rows = runs.map((r) => [
          localDate(r.info.start_time ?? 0),
          r.info.run_name ?? '',
          r.info.run_id,
        ]);
        echo(createTable(rows.sort(compareRows).reverse(), ['Date', 'Name', 'ID']));
      }),
    );
}

function describe(): Command {
  return withDataOptions(new Command('describe'), 'json')
    .summary('Show everything about a run')
    .description(
      'Print a run (info, metrics, params, tags, inputs) as JSON, or as tables with --output table.',
    )
    .addOption(runId())
    .action(
      action(async (opts: DataOptions & { runId: string }) => {
        const run = await clientFor(opts).getRun(opts.runId);
        const dict = runDict(run);
        if (opts.output === 'json') {
          // MLflow indents this one by four.
          echoJson(dict, 4);
          return;
        }
        const info = dict.info as Record<string, unknown>;
        echo(
          createTable(
            Object.entries(info).map(([k, v]) => [k, v === null ? '' : String(v)]),
            ['Field', 'Value'],
          ),
        );
        const section = (title: string, m: Record<string, unknown>) => {
          echo('');
          echo(
            createTable(
              Object.entries(m)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, v]) => [k, String(v)]),
              [title, 'Value'],
            ),
          );
        };
        const data = dict.data as Record<string, Record<string, unknown>>;
        section('Metric', data.metrics ?? {});
        section('Param', data.params ?? {});
        section('Tag', data.tags ?? {});
      }),
    );
}

function simple(name: 'delete' | 'restore', summary: string): Command {
  return withDataOptions(new Command(name))
    .summary(summary)
    .description(`${summary}.`)
    .addOption(runId())
    .action(
      action(async (opts: DataOptions & { runId: string }) => {
        const client = clientFor(opts);
        if (name === 'delete') await client.deleteRun(opts.runId);
        else await client.restoreRun(opts.runId);
        if (opts.output === 'json') echoJson({ run_id: opts.runId, result: name });
        else
          echo(
            name === 'delete'
              ? `Run with ID ${opts.runId} has been deleted.`
              : `Run with id ${opts.runId} has been restored.`,
          );
      }),
    );
}

/**
 * The `runs` group.
 *
 * @example
 * program.addCommand(runsCommand());
 */
export function runsCommand(): Command {
  const group = commandGroup(
    'runs',
    'Manage runs on a tracking server',
    'Manage the runs of a tracking server (--tracking-uri or MLFLOW_TRACKING_URI).',
  );
  group.addCommand(list());
  group.addCommand(describe());
  group.addCommand(simple('delete', 'Mark a run deleted'));
  group.addCommand(simple('restore', 'Restore a deleted run'));
  return group;
}
