// b7e2c1a4d9f3: jobs gain a creator; schema changes only (sql/<dialect>/b7e2c1a4d9f3.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('b7e2c1a4d9f3', '17e22815139b', 'jobs gain a creator');
