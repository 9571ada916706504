#!/usr/bin/env node
// Entry point of the mlflow-ts command line.
import { run } from './run.js';

await run(process.argv);
