// c9d4e5f6a7b8: endpoints gain a routing strategy and fallback config; schema changes only (sql/<dialect>/c9d4e5f6a7b8.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'c9d4e5f6a7b8',
  '5d2d30f0abce',
  'endpoints gain a routing strategy and fallback config',
);
