// 6953534de441: inputs gain a step column; schema changes only (sql/<dialect>/6953534de441.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('6953534de441', '400f98739977', 'inputs gain a step column');
