// The `mlflow-ts` command tree: global options, subcommands, and one-line error output for usage mistakes.
import cluster from 'node:cluster';
import { Command } from 'commander';
import { loadEnvFile } from './env-file.js';
import { leaveStartupMode } from './startup-mode.js';
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

/** One command group: the names it answers to and how to import and build it. */
interface CommandGroup {
  names: readonly string[];
  load(runtime: ServerRuntime | undefined): Promise<Command>;
}

/**
 * In help order. Each group is imported only when needed: the data groups pull in the HTTP client
 * and cli-progress, which a server process never uses (and would keep resident).
 */
const GROUPS: readonly CommandGroup[] = [
  {
    names: ['server', 'ui'],
    load: async (runtime) => (await import('./commands/server.js')).serverCommand(runtime),
  },
  { names: ['db'], load: async () => (await import('./commands/db.js')).dbCommand(configure) },
  {
    names: ['experiments'],
    load: async () => (await import('./commands/experiments.js')).experimentsCommand(),
  },
  { names: ['runs'], load: async () => (await import('./commands/runs.js')).runsCommand() },
  { names: ['artifacts'], load: async () => (await import('./commands/artifacts.js')).artifactsCommand() },
];

/**
 * The group `argv` runs, when it names one right after the global `--env-file` option; undefined
 * for anything else (help, --version, a typo), which then gets the whole tree as before.
 */
function invokedGroup(args: readonly string[]): CommandGroup | undefined {
  let i = 0;
  while (args[i] === '--env-file' || args[i]?.startsWith('--env-file='))
    i += args[i] === '--env-file' ? 2 : 1;
  const name = args[i];
  return name === undefined ? undefined : GROUPS.find((g) => g.names.includes(name));
}

/**
 * `argv` (process.argv style, with the node and script entries) lets the program load only the group
 * it runs; without it every group is loaded. `runtime` replaces the real server and store packages (tests).
 */
export async function buildProgram(runtime?: ServerRuntime, argv?: readonly string[]): Promise<Command> {
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
    })
    .hook('preAction', (_program, command) => {
      // Only the server is long-lived and idle; it leaves start-up mode itself once it listens.
      if (command.name() !== 'server') leaveStartupMode();
    });
  const invoked = argv === undefined ? undefined : invokedGroup(argv.slice(2));
  const groups = invoked === undefined ? GROUPS : [invoked];
  for (const command of await Promise.all(groups.map((g) => g.load(runtime)))) {
    program.addCommand(command);
  }
  configure(program);
  for (const sub of program.commands) configure(sub);
  return program;
}
