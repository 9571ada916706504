// Checkpoint callbacks: the framework-independent core, the download helper, and the tracking calls they need.
export {
  ModelCheckpointCallbackBase,
  type CheckpointCallbackConfig,
  type ModelCheckpointOptions,
} from './checkpoint-callback-base.js';
export * from './checkpoint-layout.js';
export {
  downloadCheckpointArtifact,
  type DownloadCheckpointDeps,
  type DownloadCheckpointOptions,
} from './download-checkpoint-artifact.js';
export type { PortMetric, PortRun, TrackingPort } from './tracking-port.js';
export { trackingPortFor, type TrackingPortClient } from './tracking-port-for-client.js';
export { fluentCheckpointDeps, resolveClientAndRun } from './fluent-defaults.js';
