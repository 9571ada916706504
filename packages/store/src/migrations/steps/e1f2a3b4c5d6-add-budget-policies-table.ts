// e1f2a3b4c5d6: budget_policies table; schema changes only (sql/<dialect>/e1f2a3b4c5d6.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('e1f2a3b4c5d6', '1b5f0d9ad7c1', 'budget_policies table');
