// 534353b11cbc: scorers and scorer_versions tables; schema changes only (sql/<dialect>/534353b11cbc.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('534353b11cbc', '1a0cddfcaa16', 'scorers and scorer_versions tables');
