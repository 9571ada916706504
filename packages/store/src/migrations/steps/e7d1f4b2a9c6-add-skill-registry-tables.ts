// e7d1f4b2a9c6: skill registry tables; schema changes only (sql/<dialect>/e7d1f4b2a9c6.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('e7d1f4b2a9c6', 'dc11669786a5', 'skill registry tables');
