// f5a4f2784254: run tag values up to 8000 characters; schema changes only (sql/<dialect>/f5a4f2784254.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('f5a4f2784254', '4465047574b1', 'run tag values up to 8000 characters');
