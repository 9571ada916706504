// b7e4c1a90f23: review queues, their items, users and label schemas; schema changes only (sql/<dialect>/b7e4c1a90f23.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'b7e4c1a90f23',
  '89d3d66ed43f',
  'review queues, their items, users and label schemas',
);
