// 1b5f0d9ad7c1: every workspaced table gains `workspace` (default 'default'), names become unique per workspace,
// and the workspaces catalog starts with the 'default' row; schema changes plus that one insert (sql/<dialect>/…).
import { schemaOnlyStep } from '../schema-only-step.js';

export const step = schemaOnlyStep(
  '1b5f0d9ad7c1',
  'c8d9e0f1a2b3',
  'workspace column on every workspaced table, and the workspaces catalog',
);
