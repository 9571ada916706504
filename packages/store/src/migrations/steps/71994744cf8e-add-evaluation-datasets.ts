// 71994744cf8e: evaluation datasets, their tags and records; schema changes only (sql/<dialect>/71994744cf8e.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '71994744cf8e',
  '534353b11cbc',
  'evaluation datasets, their tags and records',
);
