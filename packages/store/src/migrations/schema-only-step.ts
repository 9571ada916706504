// A migration step that is only schema changes: its SQL file for the dialect, run as written.
import type { MigrationStep } from './migration-step.js';

export function schemaOnlyStep(revision: string, downRevision: string, description: string): MigrationStep {
  return { revision, downRevision, description, up: (step) => step.script() };
}
