// a8b9c0d1e2f3: MCP server registry tables; schema changes only (sql/<dialect>/a8b9c0d1e2f3.sql).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep('a8b9c0d1e2f3', 'b7e4c1a90f23', 'MCP server registry tables');
