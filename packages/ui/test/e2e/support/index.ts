// Reusable pieces for the UI's browser tests: a real server, Chromium, screenshots, and the UI build.
export { startTestServer, type TestServer, type StartOptions } from './server.js';
export { browserAvailable, launchBrowser, openPage, CHROMIUM_FLAGS, type PageOptions } from './browser.js';
export { screenshot } from './screenshot.js';
export { ensureUiBuilt } from './ui-build.js';
export { REPO_ROOT, UI_DIST, SCREENSHOT_DIR } from './paths.js';
export { createExperiment, createRun, uploadArtifact, type SeedRun } from './seed.js';
