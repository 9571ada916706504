// Clean shutdown on SIGINT/SIGTERM (or a request from the cluster primary); a second signal exits at once.
import { reportFatal } from '../errors.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `stop` once, on the first SIGINT/SIGTERM or call of the returned function, then exits 0
 * (or reports the failure of `stop`). Only a repeated *signal* forces an immediate exit: a Ctrl-C
 * reaches cluster workers both from the terminal and, as a message, from the primary.
 */
export function onShutdownSignal(stop: () => Promise<void>): () => void {
  let stopping = false;
  const requestStop = (): void => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (err: unknown) => reportFatal(err),
    );
  };
  let signals = 0;
  const handler = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    requestStop();
  };
  for (const s of SIGNALS) process.on(s, handler);
  return requestStop;
}
