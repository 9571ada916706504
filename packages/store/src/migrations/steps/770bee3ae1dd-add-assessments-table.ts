// 770bee3ae1dd: assessments table; schema changes only (sql/<dialect>/770bee3ae1dd.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('770bee3ae1dd', 'cbc13b556ace', 'assessments table');
