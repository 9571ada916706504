// The TrackingStore conformance suite: every SQL backend runs these same tests through a factory.
import { describe } from 'vitest';
import { datasetsConformance } from './datasets.js';
import { experimentsConformance } from './experiments.js';
import { BYTEWISE_TEXT, type StoreFactory, type StoreTraits } from './harness.js';
import { loggingConformance } from './logging.js';
import { loggedModelsConformance } from './logged-models.js';
import { metricsConformance } from './metrics.js';
import { metricEnvelopeConformance } from './metric-envelope.js';
import { metricHistoryChunksConformance } from './metric-history-chunks.js';
import { moveRunsConformance } from './move-runs.js';
import { runsConformance } from './runs.js';
import { registryModelsConformance } from './registry-models.js';
import { registrySearchConformance } from './registry-search.js';
import { registryVersionsConformance } from './registry-versions.js';
import { searchExperimentsConformance } from './search-experiments.js';
import { searchRunsConformance } from './search-runs.js';
import { webhooksConformance } from './webhooks.js';

export type { StoreFactory, StoreTraits } from './harness.js';

/**
 * Registers the whole suite under `name`. `factory` must return a new store on an empty
 * database (only the Default experiment) each time; the suite closes it after each test.
 * `traits` names where MLflow itself behaves differently on this backend (default: byte-wise text).
 */
export function describeTrackingStoreConformance(
  name: string,
  factory: StoreFactory,
  traits: StoreTraits = BYTEWISE_TEXT,
): void {
  describe(name, () => {
    experimentsConformance(factory, traits);
    searchExperimentsConformance(factory, traits);
    runsConformance(factory);
    loggingConformance(factory);
    metricsConformance(factory);
    metricHistoryChunksConformance(factory);
    metricEnvelopeConformance(factory);
    moveRunsConformance(factory);
    searchRunsConformance(factory, traits);
    datasetsConformance(factory);
    registryModelsConformance(factory);
    registryVersionsConformance(factory);
    registrySearchConformance(factory, traits);
    loggedModelsConformance(factory);
    webhooksConformance(factory);
  });
}
