// de4033877273: entity_associations table; schema changes only (sql/<dialect>/de4033877273.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('de4033877273', 'a1b2c3d4e5f6', 'entity_associations table');
