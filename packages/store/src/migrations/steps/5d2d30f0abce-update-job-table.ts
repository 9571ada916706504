// 5d2d30f0abce: jobs.function_fullname becomes job_name, with its index; schema changes only (sql/<dialect>/5d2d30f0abce.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '5d2d30f0abce',
  'b7c8d9e0f1a2',
  'jobs: function_fullname becomes job_name, with its index',
);
