// 3da73c924c2f: evaluation dataset records gain outputs; schema changes only (sql/<dialect>/3da73c924c2f.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('3da73c924c2f', '71994744cf8e', 'evaluation dataset records gain outputs');
