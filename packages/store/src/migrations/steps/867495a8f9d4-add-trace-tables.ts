// 867495a8f9d4: trace_info, trace_tags and trace_request_metadata tables; schema changes only (sql/<dialect>/867495a8f9d4.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '867495a8f9d4',
  'acf3f17fdcc7',
  'trace_info, trace_tags and trace_request_metadata tables',
);
