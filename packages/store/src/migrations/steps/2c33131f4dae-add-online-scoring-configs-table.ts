// 2c33131f4dae: online_scoring_configs table; schema changes only (sql/<dialect>/2c33131f4dae.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('2c33131f4dae', 'c9d4e5f6a7b8', 'online_scoring_configs table');
