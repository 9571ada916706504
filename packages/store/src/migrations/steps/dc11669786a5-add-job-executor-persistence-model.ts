// dc11669786a5: scheduler_leases and job_locks tables, executor columns on jobs; jobs still pending or running
// are cancelled, since the new executor model cannot resume them.
import { sql } from 'kysely';
import type { MigrationStep } from '../migration-step.js';

/** Job status codes as stored (MLflow's JobStatus): PENDING 0, RUNNING 1, CANCELED 5. */
const PENDING = 0;
const RUNNING = 1;
const CANCELED = 5;

export const step: MigrationStep = {
  revision: 'dc11669786a5',
  downRevision: '75868b020152',
  description: 'jobs move to the executor persistence model (scheduler leases, job locks)',
  async up(step) {
    await step.script();
    await sql`UPDATE jobs SET status = ${CANCELED}, last_update_time = ${step.now()}
              WHERE status IN (${PENDING}, ${RUNNING})`.execute(step.tx);
  },
};
