// W7: time from process start to the first 200 on /health, and the idle RSS of the server's process tree.
import { serverRssMiB, type RunningServer } from '../server-process.js';
import type { StartupSample, Workload } from '../workload.js';

/** Let background start-up work (MLflow's job runner and huey consumers) settle before reading idle RSS. */
const SETTLE_MS = 3000;

/** Waits for the server to settle and reads its idle RSS. */
export async function measureIdle(server: RunningServer): Promise<StartupSample> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return { startupMs: server.startupMs, idleRssMiB: serverRssMiB(server) };
}

export const startupIdle: Workload = {
  id: 7,
  title: 'start-up to first /health 200, idle RSS',
  shape: () =>
    `process on a copy of the seeded database, RSS read ${SETTLE_MS / 1000} s after /health, before load`,
  measures: [
    { key: 'startupMs', label: 'start → /health 200', unit: 'ms', better: 'lower' },
    { key: 'idleRssMiB', label: 'idle RSS (process tree)', unit: 'MiB', better: 'lower' },
  ],
  // Repetition 1 is the harness's own first start (read before any load), saving one slow MLflow start.
  run: async ({ rep, initial, startFresh }) => {
    if (rep === 1 && initial !== undefined) return { ...initial };
    const fresh = await startFresh();
    try {
      return { ...(await measureIdle(fresh)) };
    } finally {
      await fresh.stop();
    }
  },
};
