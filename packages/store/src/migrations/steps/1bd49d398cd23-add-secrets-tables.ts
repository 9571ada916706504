// 1bd49d398cd23: secrets, endpoints, model definitions and their bindings; schema changes only (sql/<dialect>/1bd49d398cd23.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '1bd49d398cd23',
  'bf29a5ff90ea',
  'secrets, endpoints, model definitions and their bindings',
);
