// The `mlflow-ts` command tree: global options, subcommands, and one-line error output for usage mistakes.
import cluster from 'node:cluster';
import { Command } from 'commander';
import { artifactsCommand } from './commands/artifacts.js';
import { dbCommand } from './commands/db.js';
import { experimentsCommand } from './commands/experiments.js';
import { runsCommand } from './commands/runs.js';
import { serverCommand } from './commands/server.js';
import { loadEnvFile } from './env-file.js';
import type { ServerRuntime } from './server/runtime.js';
import { versionLine } from './version.js';

/** Commander prints `error: …` with suggestions on a second line; we print one `Error: …` line as click does. */
function configure(cmd: Command): Command {
  return cmd
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      outputError: (text, write) => {
        const line = text
          .replace(/^error: /, '')
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .join(' ');
        write(`Error: ${line.charAt(0).toUpperCase()}${line.slice(1)}\n`);
      },
    });
}

/** `runtime` replaces the real server and store packages (tests). */
export function buildProgram(runtime?: ServerRuntime): Command {
  const program = new Command('mlflow-ts')
    .description('A drop-in MLflow tracking server in TypeScript.')
    .version(versionLine(), '--version', 'Show the version and exit.')
    .helpOption('--help', 'Show this message and exit.')
    .option('--env-file <PATH>', 'Load variables from a dotenv file first (variables already set win).')
    .hook('preSubcommand', (cmd) => {
      const path = cmd.opts<{ envFile?: string }>().envFile;
      if (path === undefined) return;
      loadEnvFile(path);
      // Cluster workers load the file again (it never overrides), but only the primary says so.
      if (cluster.isPrimary) process.stdout.write(`Loaded environment variables from: ${path}\n`);
    });
  program.addCommand(serverCommand(runtime));
  program.addCommand(dbCommand(configure));
  program.addCommand(experimentsCommand());
  program.addCommand(runsCommand());
  program.addCommand(artifactsCommand());
  configure(program);
  for (const sub of program.commands) configure(sub);
  return program;
}
