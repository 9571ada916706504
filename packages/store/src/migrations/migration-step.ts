// One alembic revision of MLflow's tracking schema, re-done by us for each database kind.
import type { Kysely } from 'kysely';

/** The database kinds the migrations know; each has its own SQL per step. */
export type MigrationDialect = 'sqlite' | 'postgres' | 'mysql';

/** What a step gets to work with: its connection (inside its transaction where there is one). */
export interface StepContext {
  // Migrations touch tables the store's typed schema does not describe (spans, jobs, …): untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly tx: Kysely<any>;
  readonly dialect: MigrationDialect;
  /**
   * Runs this step's SQL file for the dialect (`sql/<dialect>/<revision>.sql`): all of it, or the
   * part headed `-- @part <name>` when steps must do data work between schema changes.
   */
  script(part?: string): Promise<void>;
  /** Milliseconds since the epoch (steps that stamp rows with the migration time). */
  now(): number;
}

export interface MigrationStep {
  /** The alembic revision this step reaches. */
  readonly revision: string;
  /** The revision it starts from; the previous step's `revision`. */
  readonly downRevision: string;
  /** What the step does, in a few words, for the per-step report. */
  readonly description: string;
  up(step: StepContext): Promise<void>;
}
