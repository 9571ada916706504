// 1a0cddfcaa16: webhooks and webhook_events tables; schema changes only (sql/<dialect>/1a0cddfcaa16.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('1a0cddfcaa16', 'de4033877273', 'webhooks and webhook_events tables');
