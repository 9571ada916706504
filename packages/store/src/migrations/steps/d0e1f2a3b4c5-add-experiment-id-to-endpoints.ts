// d0e1f2a3b4c5: endpoints gain an experiment id; schema changes only (sql/<dialect>/d0e1f2a3b4c5.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('d0e1f2a3b4c5', 'd3e4f5a6b7c8', 'endpoints gain an experiment id');
