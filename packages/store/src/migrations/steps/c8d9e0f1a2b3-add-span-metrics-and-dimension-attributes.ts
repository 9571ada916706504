// c8d9e0f1a2b3: span_metrics table and span dimension attributes; schema changes only (sql/<dialect>/c8d9e0f1a2b3.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'c8d9e0f1a2b3',
  'd0e1f2a3b4c5',
  'span_metrics table and span dimension attributes',
);
