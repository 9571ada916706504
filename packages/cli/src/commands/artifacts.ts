// `mlflow-ts artifacts …`: log-artifact, log-artifacts, list and download through the server's artifact proxy.
import type { FileInfo } from '@mlflow-ts/protocol';
import type { Command } from 'commander';
import { CliUsageError } from '../errors.js';
import { progressBar } from './artifacts/progress-bar.js';
import {
  action,
  clientFor,
  commandGroup,
  dataCommand,
  echo,
  printResult,
  type DataOptions,
} from './data/data-command.js';
import { createTable } from './data/table.js';

interface LogOptions extends DataOptions {
  runId: string;
  artifactPath?: string;
}

/** What tells log-artifact (one file) and log-artifacts (a directory tree) apart. */
interface Upload {
  name: 'log-artifact' | 'log-artifacts';
  what: 'file' | 'dir';
  summary: string;
  description: string;
  help: string;
}

function logCommand({ name, what, summary, description, help }: Upload): Command {
  const key = what === 'file' ? 'localFile' : 'localDir';
  return dataCommand(name, summary, description)
    .requiredOption(`-l, --local-${what} <PATH>`, help)
    .requiredOption('-r, --run-id <ID>', 'Run to upload into')
    .option('-a, --artifact-path <PATH>', "Directory within the run's artifacts")
    .action(
      action(async (opts: LogOptions & Record<typeof key, string>) => {
        const local = opts[key];
        const bar = progressBar('Uploading');
        try {
          const client = clientFor(opts);
          const transfer = { onProgress: bar.onProgress };
          if (what === 'file') await client.logArtifact(opts.runId, local, opts.artifactPath, transfer);
          else await client.logArtifacts(opts.runId, local, opts.artifactPath, transfer);
        } finally {
          bar.stop();
        }
        printResult(
          opts,
          { run_id: opts.runId, [`local_${what}`]: local, artifact_path: opts.artifactPath ?? null },
          `Logged artifact from local ${what} ${local} to artifact_path=${opts.artifactPath ?? 'None'}`,
        );
      }),
    );
}

/** MLflow prints each FileInfo as pretty JSON (indent 2), joined with ', ' inside brackets. */
function fileInfosJson(files: FileInfo[]): string {
  return `[${files.map((f) => JSON.stringify(f, null, 2)).join(', ')}]`;
}

function list(): Command {
  return dataCommand(
    'list',
    'List the artifacts of a run',
    "List the files and directories directly under a run's artifact root, or under an artifact path.",
    'json',
  )
    .requiredOption('-r, --run-id <ID>', 'Run to list')
    .option('-a, --artifact-path <PATH>', "Directory within the run's artifacts")
    .action(
      action(async (opts: LogOptions) => {
        const files = await clientFor(opts).listArtifacts(opts.runId, opts.artifactPath || undefined);
        if (opts.output === 'json') echo(fileInfosJson(files));
        else {
          const rows = files.map((f) => [
            f.path,
            f.is_dir ? 'dir' : 'file',
            f.file_size === undefined ? '' : String(f.file_size),
          ]);
          echo(createTable(rows, ['Path', 'Type', 'Size']));
        }
      }),
    );
}

function download(): Command {
  return dataCommand(
    'download',
    'Download an artifact file or directory',
    'Download an artifact file or directory, by run id (and artifact path) or by artifact URI; prints the local path.',
  )
    .option('-r, --run-id <ID>', 'Run to download from')
    .option('-a, --artifact-path <PATH>', "With --run-id: a path within the run's artifacts")
    .option(
      '-u, --artifact-uri <URI>',
      'Instead of --run-id: runs:/<run_id>/<path>, mlflow-artifacts:/<path> or a proxy URL',
    )
    .option(
      '-d, --dst-path <PATH>',
      'Local destination directory (created if missing; a new temp dir by default)',
    )
    .action(
      action(
        async (
          opts: DataOptions & {
            runId?: string;
            artifactPath?: string;
            artifactUri?: string;
            dstPath?: string;
          },
        ) => {
          if (opts.artifactUri === undefined && opts.runId === undefined) {
            throw new CliUsageError('Either --run-id or --artifact-uri must be provided.');
          }
          const client = clientFor(opts);
          const bar = progressBar('Downloading');
          let local: string;
          try {
            // As in MLflow, --artifact-uri wins and --run-id/--artifact-path are then ignored.
            local =
              opts.artifactUri !== undefined
                ? await client.downloadArtifactUri(opts.artifactUri, opts.dstPath, {
                    onProgress: bar.onProgress,
                  })
                : await client.downloadArtifacts(
                    opts.runId as string,
                    opts.artifactPath ?? '',
                    opts.dstPath,
                    { onProgress: bar.onProgress },
                  );
          } finally {
            bar.stop();
          }
          printResult(opts, { local_path: local }, `\n${local}`);
        },
      ),
    );
}

/**
 * The `artifacts` group.
 *
 * @example
 * program.addCommand(artifactsCommand());
 */
export function artifactsCommand(): Command {
  return commandGroup(
    'artifacts',
    "Upload, list and download a run's artifacts",
    "Upload, list and download run artifacts through the tracking server's artifact proxy (--tracking-uri or MLFLOW_TRACKING_URI).",
    [
      logCommand({
        name: 'log-artifact',
        what: 'file',
        summary: 'Upload a local file into a run',
        description: "Upload a local file into a run's artifacts, optionally below an artifact path.",
        help: 'Local file to upload',
      }),
      logCommand({
        name: 'log-artifacts',
        what: 'dir',
        summary: 'Upload a local directory into a run',
        description: "Upload the files of a local directory (recursively) into a run's artifacts.",
        help: 'Local directory to upload',
      }),
      list(),
      download(),
    ],
  );
}
