// b7c8d9e0f1a2: trace_metrics table; schema changes only (sql/<dialect>/b7c8d9e0f1a2.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('b7c8d9e0f1a2', '1bd49d398cd23', 'trace_metrics table');
