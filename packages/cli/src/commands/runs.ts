// `mlflow-ts runs …`: list, describe, delete and restore, with MLflow's option names.
import { collectPages } from '@mlflow-ts/client/node';
import { Option, type Command } from 'commander';
import {
  action,
  clientFor,
  commandGroup,
  dataCommand,
  echo,
  echoJson,
  printResult,
  type DataOptions,
} from './data/data-command.js';
import { compareRows, createTable } from './data/table.js';
import { parseViewType, viewOption } from './data/view-type.js';
import { localDate } from './runs/local-date.js';
import { runDict } from './runs/run-dict.js';

const runId = () => new Option('--run-id <ID>', 'Id of the run').makeOptionMandatory();

function list(): Command {
  return dataCommand(
    'list',
    'List the runs of an experiment',
    'List the runs of an experiment, newest first.',
  )
    .addOption(
      new Option('--experiment-id <ID>', 'Experiment whose runs to list')
        .env('MLFLOW_EXPERIMENT_ID')
        .makeOptionMandatory(),
    )
    .addOption(viewOption('runs'))
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
  return dataCommand(
    'describe',
    'Show everything about a run',
    'Print a run (info, metrics, params, tags, inputs) as JSON, or as tables with --output table.',
    'json',
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
  return dataCommand(name, summary)
    .addOption(runId())
    .action(
      action(async (opts: DataOptions & { runId: string }) => {
        const client = clientFor(opts);
        if (name === 'delete') await client.deleteRun(opts.runId);
        else await client.restoreRun(opts.runId);
        printResult(
          opts,
          { run_id: opts.runId, result: name },
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
  return commandGroup(
    'runs',
    'Manage runs on a tracking server',
    'Manage the runs of a tracking server (--tracking-uri or MLFLOW_TRACKING_URI).',
    [list(), describe(), simple('delete', 'Mark a run deleted'), simple('restore', 'Restore a deleted run')],
  );
}
