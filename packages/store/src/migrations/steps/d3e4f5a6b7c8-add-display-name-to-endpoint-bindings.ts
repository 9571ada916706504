// d3e4f5a6b7c8: endpoint bindings gain a display name; schema changes only (sql/<dialect>/d3e4f5a6b7c8.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('d3e4f5a6b7c8', '2c33131f4dae', 'endpoint bindings gain a display name');
