// c3d9e7f1a2b4: budget policies gain a target value; schema changes only (sql/<dialect>/c3d9e7f1a2b4.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('c3d9e7f1a2b4', 'c1d2e3f4a5b6', 'budget policies gain a target value');
