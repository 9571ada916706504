// 1971f2d9a75b: trace_info index for archival candidates; schema changes only (sql/<dialect>/1971f2d9a75b.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '1971f2d9a75b',
  '6f8d9c3b2a1e',
  'trace_info index for archival candidates',
);
