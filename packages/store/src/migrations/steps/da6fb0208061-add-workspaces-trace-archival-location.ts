// da6fb0208061: workspaces gain a trace archival location; schema changes only (sql/<dialect>/da6fb0208061.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'da6fb0208061',
  '7d34483879f0',
  'workspaces gain a trace archival location',
);
