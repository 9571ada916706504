// What the data command groups (experiments, runs, artifacts) share: --tracking-uri/--output, the client, errors, settings.
import { MlflowClient, MlflowRestError, clientOptionsFromEnv } from '@mlflow-ts/client/node';
import { Command, Option } from 'commander';
import { CliRuntimeError, CliUsageError } from '../../errors.js';

export type OutputFormat = 'json' | 'table';

export interface DataOptions {
  trackingUri?: string;
  output?: OutputFormat;
}

/** Adds `--tracking-uri` (env MLFLOW_TRACKING_URI) and `--output` to a data subcommand. */
export function withDataOptions(cmd: Command, defaultOutput: OutputFormat = 'table'): Command {
  return cmd
    .helpOption('--help', 'Show this message and exit.')
    .addOption(
      new Option('--tracking-uri <URI>', 'Tracking server to talk to, http(s)://host:port').env(
        'MLFLOW_TRACKING_URI',
      ),
    )
    .addOption(
      new Option('--output <FORMAT>', 'Output format').choices(['json', 'table']).default(defaultOutput),
    );
}

/**
 * A data subcommand with its summary and description (the summary plus a period by default), and
 * `--tracking-uri` and `--output` ahead of the options the caller adds.
 *
 * @example
 * dataCommand('delete', 'Mark a run deleted').addOption(runId()).action(action(async (opts) => …));
 */
export function dataCommand(
  name: string,
  summary: string,
  description = `${summary}.`,
  defaultOutput: OutputFormat = 'table',
): Command {
  return withDataOptions(new Command(name), defaultOutput).summary(summary).description(description);
}

/** The client for a command's options; credentials come from MLFLOW_TRACKING_USERNAME/PASSWORD/TOKEN. */
export function clientFor(opts: DataOptions): MlflowClient {
  if (!opts.trackingUri) {
    throw new CliUsageError('No tracking server: pass --tracking-uri or set MLFLOW_TRACKING_URI.');
  }
  try {
    return new MlflowClient(clientOptionsFromEnv(process.env, opts.trackingUri));
  } catch (e) {
    throw new CliUsageError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Runs a subcommand's work, turning a server error into one `CODE: message` line (exit 1), as
 * MLflow's CLI shows RestException's text.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof MlflowRestError) throw new CliRuntimeError(`${e.errorCode}: ${e.message}`);
      throw e;
    }
  };
}

/**
 * A command group whose subcommands take the group's settings (one-line errors, exit codes)
 * when dispatched: program.ts configures the groups after they are built.
 */
export function commandGroup(
  name: string,
  summary: string,
  description: string,
  subcommands: readonly Command[] = [],
): Command {
  const group = new Command(name)
    .summary(summary)
    .description(description)
    .helpOption('--help', 'Show this message and exit.')
    .hook('preSubcommand', (parent, sub) => {
      sub.copyInheritedSettings(parent);
    });
  for (const sub of subcommands) group.addCommand(sub);
  return group;
}

/** Writes a line to stdout. */
export function echo(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** JSON output, indented like MLflow's `json.dumps(…, indent=2)`. */
export function echoJson(value: unknown, indent = 2): void {
  echo(JSON.stringify(value, null, indent));
}

/** A command's result: `json` with `--output json`, else the `text` line. */
export function printResult(opts: DataOptions, json: unknown, text: string): void {
  if (opts.output === 'json') echoJson(json);
  else echo(text);
}
