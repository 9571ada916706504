// a5b4c3d2e1f0: metrics index on (run_uuid, key, step); schema changes only (sql/<dialect>/a5b4c3d2e1f0.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('a5b4c3d2e1f0', 'c3d6457b6d8a', 'metrics index on (run_uuid, key, step)');
