// The lines `mlflow-ts db upgrade` prints: one per migration step, and a closing summary or failure.
import type { MigrationResult, UpgradeOutcome } from '@mlflow-ts/store';
import { CliRuntimeError } from '../../errors.js';

/** `Success      867495a8f9d4  trace tables (12 ms)`: status padded so the columns line up. */
export function stepLine(result: MigrationResult): string {
  const took = result.durationMs === undefined ? '' : ` (${result.durationMs} ms)`;
  return `${result.status.padEnd(11)}  ${result.revision}  ${result.description}${took}`;
}

/**
 * Lines for stdout; a failed step becomes a CliRuntimeError (one line, exit 1) naming the step,
 * the database's error and the state the database is left in.
 */
export function reportUpgrade(outcome: UpgradeOutcome, write: (line: string) => void): void {
  if (outcome.kind === 'up-to-date') {
    write(`Database is up to date (alembic revision ${outcome.revision}, MLflow 3.18.0); nothing to do.`);
    return;
  }
  if (outcome.kind === 'created') {
    write(`Created MLflow 3.18.0's schema in the empty database (alembic revision ${outcome.revision}).`);
    return;
  }
  const { results, error, stateAfterError, appliedElsewhere } = outcome.resultSet;
  for (const result of results) write(stepLine(result));
  const failed = results.find((r) => r.status === 'Error');
  if (error === undefined || !failed) {
    const ran = results.filter((r) => r.status === 'Success').length;
    // Another upgrade of the same database (a second server worker, say) may have done some steps.
    const others = appliedElsewhere > 0 ? `, ${appliedElsewhere} applied meanwhile by another process` : '';
    write(`Upgraded from revision ${outcome.from} to ${outcome.to}: ${ran} steps${others}.`);
    return;
  }
  const why = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
  throw new CliRuntimeError(
    `Step ${failed.revision} (${failed.description}) failed: ${why}. ${stateAfterError ?? ''}`.trim(),
    {
      cause: error,
    },
  );
}
