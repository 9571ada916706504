// `mlflow-ts experiments …`: create, search, get, delete, restore, rename and csv, with MLflow's option names.
import { writeFile } from 'node:fs/promises';
import { collectPages } from '@mlflow-ts/client/node';
import type { Experiment } from '@mlflow-ts/protocol';
import { Option, type Command } from 'commander';
import { CliRuntimeError, CliUsageError } from '../errors.js';
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
import { runsToCsv } from './experiments/runs-csv.js';
import { compareRows, createTable } from './data/table.js';
import { parseViewType, viewOption } from './data/view-type.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\s*[+-]?\d+\s*$/.test(value))
    throw new CliUsageError(`Invalid value for '--max-results': '${value}' is not a valid integer.`);
  if (n <= 0) throw new CliUsageError("Invalid value for '--max-results': must be a positive integer.");
  return n;
}

/** MLflow's Experiment entity as a dict: its properties in sorted order, tags as a mapping. */
function experimentDict(e: Experiment): Record<string, unknown> {
  return {
    artifact_location: e.artifact_location ?? '',
    creation_time: e.creation_time ?? null,
    // Trace archival and trace locations are MLflow features mlflow-ts does not have: always unset.
    effective_trace_archival_retention: null,
    experiment_id: e.experiment_id,
    last_update_time: e.last_update_time ?? null,
    lifecycle_stage: e.lifecycle_stage,
    name: e.name,
    tags: Object.fromEntries((e.tags ?? []).map((t) => [t.key, t.value ?? ''])),
    trace_location: null,
    workspace: e.workspace ?? 'default',
  };
}

const experimentId = () => new Option('-x, --experiment-id <ID>', 'Experiment id').makeOptionMandatory();

function create(): Command {
  return dataCommand(
    'create',
    'Create an experiment',
    'Create an experiment; its runs store artifacts under the artifact location.',
  )
    .requiredOption('-n, --experiment-name <NAME>', 'Name of the new experiment')
    .option(
      '-l, --artifact-location <URI>',
      'Base location of run artifacts (the server picks one by default)',
    )
    .action(
      action(async (opts: DataOptions & { experimentName: string; artifactLocation?: string }) => {
        const id = await clientFor(opts).createExperiment(opts.experimentName, {
          artifactLocation: opts.artifactLocation,
        });
        printResult(
          opts,
          { experiment_id: id, name: opts.experimentName },
          `Created experiment '${opts.experimentName}' with id ${id}`,
        );
      }),
    );
}

function search(): Command {
  return dataCommand('search', 'Search experiments', 'List the experiments of the tracking server.')
    .addOption(viewOption('experiments'))
    .option('--max-results <N>', 'At most this many experiments (all by default)', positiveInt)
    .option('--filter <FILTER>', 'Search filter, e.g. "name LIKE \'prod%\'"')
    .action(
      action(async (opts: DataOptions & { view: string; maxResults?: number; filter?: string }) => {
        const client = clientFor(opts);
        const viewType = parseViewType(opts.view);
        const max = opts.maxResults;
        let experiments: Experiment[];
        if (max === undefined) {
          experiments = await collectPages((pageToken) =>
            client.searchExperiments({ viewType, filterString: opts.filter, pageToken }),
          );
        } else {
          experiments = [];
          for await (const e of client.iterateExperiments({
            viewType,
            filterString: opts.filter,
            maxResults: Math.min(max, 1000),
          })) {
            experiments.push(e);
            if (experiments.length >= max) break;
          }
        }
        if (opts.output === 'json') {
          echoJson(experiments.map(experimentDict));
          return;
        }
        const rows = experiments
          .map((e) => [e.experiment_id, e.name, e.artifact_location ?? ''])
          .sort(compareRows);
        echo(createTable(rows, ['Experiment Id', 'Name', 'Artifact Location']));
      }),
    );
}

function get(): Command {
  return dataCommand('get', 'Show one experiment', 'Show an experiment by id or by name.')
    .option('-x, --experiment-id <ID>', 'Id of the experiment')
    .option('-n, --experiment-name <NAME>', 'Name of the experiment')
    .action(
      action(async (opts: DataOptions & { experimentId?: string; experimentName?: string }) => {
        if ((opts.experimentId === undefined) === (opts.experimentName === undefined)) {
          throw new CliUsageError('Must specify exactly one of --experiment-id or --experiment-name.');
        }
        const client = clientFor(opts);
        let exp: Experiment | undefined;
        if (opts.experimentId !== undefined) exp = await client.getExperiment(opts.experimentId);
        else {
          exp = await client.getExperimentByName(opts.experimentName as string);
          if (!exp)
            throw new CliRuntimeError(
              `RESOURCE_DOES_NOT_EXIST: Experiment with name '${opts.experimentName as string}' does not exist.`,
            );
        }
        if (opts.output === 'json') {
          echoJson(experimentDict(exp));
          return;
        }
        const tags = (exp.tags ?? []).map((t) => `${t.key}=${t.value ?? ''}`).join(', ');
        const fields: [string, string][] = [
          ['Experiment ID', exp.experiment_id],
          ['Name', exp.name],
          ['Artifact Location', exp.artifact_location ?? ''],
          ['Lifecycle Stage', exp.lifecycle_stage],
          ['Creation Time', exp.creation_time ? String(exp.creation_time) : 'N/A'],
          ['Last Update Time', exp.last_update_time ? String(exp.last_update_time) : 'N/A'],
          ['Tags', tags],
        ];
        const width = Math.max(...fields.map(([f]) => f.length)) + 2;
        for (const [f, v] of fields) echo(`${f.padEnd(width)}: ${v}`);
      }),
    );
}

/** delete / restore / rename: one call, one confirmation line (or a JSON object). */
function simple(
  name: string,
  summary: string,
  run: (opts: DataOptions & { experimentId: string; newName?: string }) => Promise<string>,
  extra?: (cmd: Command) => Command,
): Command {
  const cmd = dataCommand(name, summary).addOption(experimentId());
  return (extra ? extra(cmd) : cmd).action(
    action(async (opts: DataOptions & { experimentId: string; newName?: string }) => {
      printResult(opts, { experiment_id: opts.experimentId, result: name }, await run(opts));
    }),
  );
}

function csv(): Command {
  return dataCommand(
    'csv',
    'Export the runs of an experiment as CSV',
    'Write every run of an experiment as CSV (columns as MLflow search_runs), to a file or stdout.',
  )
    .addOption(experimentId())
    .option('-o, --filename <PATH>', 'Write to this file instead of stdout')
    .action(
      action(async (opts: DataOptions & { experimentId: string; filename?: string }) => {
        const client = clientFor(opts);
        const runs = await collectPages((pageToken) => client.searchRuns([opts.experimentId], { pageToken }));
        const text = runsToCsv(runs);
        if (opts.filename === undefined) {
          // MLflow echoes pandas' CSV, which already ends in a newline: a blank line follows.
          echo(text);
          return;
        }
        await writeFile(opts.filename, text);
        echo(`Experiment with ID ${opts.experimentId} has been exported as a CSV to file: ${opts.filename}.`);
      }),
    );
}

/**
 * The `experiments` group.
 *
 * @example
 * program.addCommand(experimentsCommand());
 */
export function experimentsCommand(): Command {
  return commandGroup(
    'experiments',
    'Manage experiments on a tracking server',
    'Manage the experiments of a tracking server (--tracking-uri or MLFLOW_TRACKING_URI).',
    [
      create(),
      search(),
      get(),
      simple('delete', 'Mark an experiment deleted', async (o) => {
        await clientFor(o).deleteExperiment(o.experimentId);
        return `Experiment with ID ${o.experimentId} has been deleted.`;
      }),
      simple('restore', 'Restore a deleted experiment', async (o) => {
        await clientFor(o).restoreExperiment(o.experimentId);
        return `Experiment with id ${o.experimentId} has been restored.`;
      }),
      simple(
        'rename',
        'Rename an active experiment',
        async (o) => {
          await clientFor(o).renameExperiment(o.experimentId, o.newName as string);
          return `Experiment with id ${o.experimentId} has been renamed to '${o.newName as string}'.`;
        },
        (cmd) => cmd.requiredOption('--new-name <NAME>', 'The new name'),
      ),
      csv(),
    ],
  );
}
