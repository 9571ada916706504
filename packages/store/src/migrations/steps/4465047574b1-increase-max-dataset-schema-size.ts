// 4465047574b1: dataset schemas may be longer (MEDIUMTEXT on MySQL); schema changes only (sql/<dialect>/4465047574b1.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '4465047574b1',
  '5b0e9adcef9c',
  'dataset schemas may be longer (MEDIUMTEXT on MySQL)',
);
