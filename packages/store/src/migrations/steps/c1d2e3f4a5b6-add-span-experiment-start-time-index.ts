// c1d2e3f4a5b6: spans index on (experiment_id, start_time); schema changes only (sql/<dialect>/c1d2e3f4a5b6.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'c1d2e3f4a5b6',
  'a8b9c0d1e2f3',
  'spans index on (experiment_id, start_time)',
);
