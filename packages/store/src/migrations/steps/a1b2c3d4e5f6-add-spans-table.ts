// a1b2c3d4e5f6: spans table; schema changes only (sql/<dialect>/a1b2c3d4e5f6.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('a1b2c3d4e5f6', '770bee3ae1dd', 'spans table');
