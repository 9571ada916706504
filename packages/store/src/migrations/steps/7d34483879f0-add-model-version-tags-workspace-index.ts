// 7d34483879f0: model_version_tags index led by workspace; schema changes only (sql/<dialect>/7d34483879f0.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '7d34483879f0',
  'ae8bbe7743c9',
  'model_version_tags index led by workspace',
);
