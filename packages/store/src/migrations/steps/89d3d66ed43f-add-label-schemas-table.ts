// 89d3d66ed43f: label_schemas table; schema changes only (sql/<dialect>/89d3d66ed43f.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('89d3d66ed43f', 'da6fb0208061', 'label_schemas table');
