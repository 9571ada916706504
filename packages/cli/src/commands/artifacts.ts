// `mlflow-ts artifacts …`: log-artifact, log-artifacts, list and download through the server's artifact proxy.
import type { FileInfo } from '@mlflow-ts/protocol';
import { Command } from 'commander';
import { CliUsageError } from '../errors.js';
import { progressBar } from './artifacts/progress-bar.js';
import {
  action,
  clientFor,
  commandGroup,
  echo,
  echoJson,
  withDataOptions,
  type DataOptions,
} from './data/data-command.js';
import { createTable } from './data/table.js';

interface LogOptions extends DataOptions {
  runId: string;
  artifactPath?: string;
}

function logArtifact(): Command {
  return withDataOptions(new Command('log-artifact'))
    .summary('Upload a local file into a run')
    .description("Upload a local file into a run's artifacts, optionally below an artifact path.")
    .requiredOption('-l, --local-file <PATH>', 'Local file to upload')
    .requiredOption('-r, --run-id <ID>', 'Run to upload into')
    .option('-a, --artifact-path <PATH>', "Directory within the run's artifacts")
    .action(
      action(async (opts: LogOptions & { localFile: string }) => {
        const bar = progressBar('Uploading');
        try {
          await clientFor(opts).logArtifact(opts.runId, opts.localFile, opts.artifactPath, {
            onProgress: bar.onProgress,
          });
        } finally {
          bar.stop();
        }
        if (opts.output === 'json')
          echoJson({
            run_id: opts.runId,
            local_file: opts.localFile,
            artifact_path: opts.artifactPath ?? null,
          });
        else
          echo(
            `Logged artifact from local file ${opts.localFile} to artifact_path=${opts.artifactPath ?? 'None'}`,
          );
      }),
    );
}

function logArtifacts(): Command {
  return withDataOptions(new Command('log-artifacts'))
    .summary('Upload a local directory into a run')
    .description("Upload the files of a local directory (recursively) into a run's artifacts.")
    .requiredOption('-l, --local-dir <PATH>', 'Local directory to upload')
    .requiredOption('-r, --run-id <ID>', 'Run to upload into')
    .option('-a, --artifact-path <PATH>', "Directory within the run's artifacts")
    .action(
      action(async (opts: LogOptions & { localDir: string }) => {
        const bar = progressBar('Uploading');
        try {
          await clientFor(opts).logArtifacts(opts.runId, opts.localDir, opts.artifactPath, {
            onProgress: bar.onProgress,
          });
        } finally {
          bar.stop();
        }
        if (opts.output === 'json')
          echoJson({
            run_id: opts.runId,
            local_dir: opts.localDir,
            artifact_path: opts.artifactPath ?? null,
          });
        else
          echo(
            `Logged artifact from local dir ${opts.localDir} to artifact_path=${opts.artifactPath ?? 'None'}`,
          );
      }),
    );
}

/** MLflow prints each FileInfo as pretty JSON (indent 2), joined with ', ' inside brackets. */
function fileInfosJson(files: FileInfo[]): string {
  return `[${files.map((f) => JSON.stringify(f, null, 2)).join(', ')}]`;
}

function list(): Command {
  return withDataOptions(new Command('list'), 'json')
    .summary('List the artifacts of a run')
    .description(
      "List the files and directories directly under a run's artifact root, or under an artifact path.",
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
  return withDataOptions(new Command('download'))
    .summary('Download an artifact file or directory')
    .description(
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
          if (opts.output === 'json') echoJson({ local_path: local });
          else echo(`\n${local}`);
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
  const group = commandGroup(
    'artifacts',
    "Upload, list and download a run's artifacts",
    "Upload, list and download run artifacts through the tracking server's artifact proxy (--tracking-uri or MLFLOW_TRACKING_URI).",
  );
  group.addCommand(logArtifact());
  group.addCommand(logArtifacts());
  group.addCommand(list());
  group.addCommand(download());
  return group;
}
