// c3d6457b6d8a: jobs gain status details; schema changes only (sql/<dialect>/c3d6457b6d8a.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('c3d6457b6d8a', '76601a5f987d', 'jobs gain status details');
