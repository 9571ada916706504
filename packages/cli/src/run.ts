// Runs the command tree on an argv with the process-wide failure handling: one line on stderr, an exit code.
import { CommanderError } from 'commander';
import { reportFatal } from './errors.js';
import { buildProgram } from './program.js';
import type { ServerRuntime } from './server/runtime.js';

/** `runtime` replaces the real server and store packages (tests). */
export async function run(argv: string[], runtime?: ServerRuntime): Promise<void> {
  process.on('uncaughtException', (err) => reportFatal(err));
  process.on('unhandledRejection', (err) => reportFatal(err));
  try {
    await (await buildProgram(runtime, argv)).parseAsync(argv);
  } catch (err) {
    // Commander has already printed its one line (or the help/version text, exit code 0).
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
    reportFatal(err);
  }
}
