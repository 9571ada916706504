// 5b0e9adcef9c: trace tag and metadata rows are deleted with their trace; schema changes only (sql/<dialect>/5b0e9adcef9c.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '5b0e9adcef9c',
  '867495a8f9d4',
  'trace tag and metadata rows are deleted with their trace',
);
