// 400f98739977: logged_models with their params, tags and metrics; schema changes only (sql/<dialect>/400f98739977.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '400f98739977',
  '0584bdc529eb',
  'logged_models with their params, tags and metrics',
);
