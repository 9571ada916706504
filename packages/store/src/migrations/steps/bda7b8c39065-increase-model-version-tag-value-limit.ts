// bda7b8c39065: model version tag values up to 100000 characters; schema changes only (sql/<dialect>/bda7b8c39065.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'bda7b8c39065',
  '6953534de441',
  'model version tag values up to 100000 characters',
);
