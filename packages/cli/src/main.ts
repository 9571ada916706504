#!/usr/bin/env node
// Entry point of the mlflow-ts command line.
import { enterStartupMode } from './startup-mode.js';

// Before anything else loads: the command tree itself is part of start-up.
enterStartupMode();
const { run } = await import('./run.js');
await run(process.argv);
