// V8 settings held while the process starts, so an idle server does not keep start-up's peak memory.
import v8 from 'node:v8';

/**
 * Each flag is one V8 reads at every decision, so setting it after the isolate started takes
 * effect; `resume` is V8's own default (`node --v8-options`). `tunedBy` spots an operator's own
 * setting (node flags or NODE_OPTIONS), which is then left alone.
 */
const HELD_FLAGS = [
  {
    // Start-up allocates mostly long-lived objects (modules, routes, prepared statements), which V8
    // reads as a reason to grow the young generation towards 2 × 16 MiB; nothing shrinks it while a
    // server idles, so those pages stayed resident (about 15 MiB).
    hold: '--semi-space-growth-factor=1',
    resume: '--semi-space-growth-factor=2',
    tunedBy: /semi[-_]space/,
  },
  {
    // Functions hot only during start-up (module bodies, schema building) are not worth optimizing;
    // TurboFan's compiler code, zones and output were about 9 MiB of idle RSS.
    hold: '--no-turbofan',
    resume: '--turbofan',
    tunedBy: /turbofan|--(no-)?opt\b|--max-opt|--jitless/,
  },
] as const;

let held: (typeof HELD_FLAGS)[number][] = [];

/** Called first thing in main, before the command tree loads. */
export function enterStartupMode(): void {
  if (held.length > 0) return;
  const operator = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  held = HELD_FLAGS.filter((flag) => !flag.tunedBy.test(operator));
  for (const flag of held) v8.setFlagsFromString(flag.hold);
}

/**
 * V8's defaults again: once the server listens, or as any other command starts. From then on the
 * young generation grows and hot functions are optimized exactly as before, so load is unaffected.
 */
export function leaveStartupMode(): void {
  for (const flag of held) v8.setFlagsFromString(flag.resume);
  held = [];
}
