// Runs the TrackingStore conformance suite on SQLite, one new database file per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openTrackingStore } from '@mlflow-ts/store';
import { describeTrackingStoreConformance } from './conformance/index.js';
import { describeSkipped, dialectSelected } from './support/server-databases.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-sqlite-'));
let counter = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// MLFLOW_TS_TEST_DIALECTS=postgres,mysql leaves SQLite out (see support/server-databases.ts).
if (!dialectSelected('sqlite')) describeSkipped('sqlite');
else
  describeTrackingStoreConformance('sqlite', () =>
    openTrackingStore(`sqlite:///${path.join(dir, `store-${counter++}.db`)}`, {
      defaultArtifactRoot: path.join(dir, 'artifacts'),
    }),
  );
