// 0584bdc529eb: datasets and inputs are deleted with their experiment; schema changes only (sql/<dialect>/0584bdc529eb.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '0584bdc529eb',
  'f5a4f2784254',
  'datasets and inputs are deleted with their experiment',
);
