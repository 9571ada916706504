// The --view option of experiments search and runs list: MLflow's view names, any case, to the wire's ViewType.
import type { ViewType } from '@mlflow-ts/protocol';
import { Option } from 'commander';
import { CliUsageError } from '../../errors.js';

/** MLflow's view names on the command line (any case). */
export function parseViewType(view: string): ViewType {
  const v = view.toLowerCase();
  if (v === 'active_only') return 'ACTIVE_ONLY';
  if (v === 'deleted_only') return 'DELETED_ONLY';
  if (v === 'all') return 'ALL';
  throw new CliUsageError(`Invalid view type '${view}': use active_only, deleted_only or all.`);
}

/** `-v, --view <VIEW>`, 'active_only' by default; `what` names the listed things in the help. */
export function viewOption(what: 'experiments' | 'runs'): Option {
  return new Option(
    '-v, --view <VIEW>',
    `Which ${what}: 'active_only' (default), 'deleted_only' or 'all'`,
  ).default('active_only');
}
