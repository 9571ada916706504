// 76601a5f987d: issues table; schema changes only (sql/<dialect>/76601a5f987d.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('76601a5f987d', 'e1f2a3b4c5d6', 'issues table');
