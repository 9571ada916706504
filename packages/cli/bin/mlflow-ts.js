#!/usr/bin/env node
// Launcher kept in git so npm can link the bin before the TypeScript build has produced dist/.
import '../dist/main.js';
