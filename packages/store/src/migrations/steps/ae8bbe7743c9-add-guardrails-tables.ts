// ae8bbe7743c9: guardrails and guardrail_configs tables; schema changes only (sql/<dialect>/ae8bbe7743c9.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('ae8bbe7743c9', 'a5b4c3d2e1f0', 'guardrails and guardrail_configs tables');
