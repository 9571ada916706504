// 17e22815139b: experiment tag values up to 20000 characters; schema changes only (sql/<dialect>/17e22815139b.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '17e22815139b',
  '1971f2d9a75b',
  'experiment tag values up to 20000 characters',
);
