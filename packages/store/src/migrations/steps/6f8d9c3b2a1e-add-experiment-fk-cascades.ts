// 6f8d9c3b2a1e: more experiment foreign keys cascade on delete; schema changes only (sql/<dialect>/6f8d9c3b2a1e.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '6f8d9c3b2a1e',
  'c3d9e7f1a2b4',
  'more experiment foreign keys cascade on delete',
);
