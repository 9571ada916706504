// cbc13b556ace: trace_info gains the client request id and request/response previews; schema changes only (sql/<dialect>/cbc13b556ace.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  'cbc13b556ace',
  'bda7b8c39065',
  'trace_info gains the client request id and request/response previews',
);
