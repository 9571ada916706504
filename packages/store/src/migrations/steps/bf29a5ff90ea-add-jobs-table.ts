// bf29a5ff90ea: jobs table; schema changes only (sql/<dialect>/bf29a5ff90ea.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('bf29a5ff90ea', '3da73c924c2f', 'jobs table');
