// Tracking entities as they travel on the wire (snake_case, int64 as numbers); stores return these shapes.
import { Type, type Static } from '@sinclair/typebox';

const KeyValue = (description: string) =>
  Type.Object({ key: Type.String(), value: Type.Optional(Type.String()) }, { description });

export const ExperimentTag = KeyValue('A tag on an experiment');
export type ExperimentTag = Static<typeof ExperimentTag>;
export const RunTag = KeyValue('A tag on a run');
export type RunTag = Static<typeof RunTag>;
export const Param = KeyValue('A run parameter; immutable once logged');
export type Param = Static<typeof Param>;
export const InputTag = KeyValue('A tag on a dataset input, such as mlflow.data.context');
export type InputTag = Static<typeof InputTag>;

export const LifecycleStage = Type.Union([Type.Literal('active'), Type.Literal('deleted')]);
export type LifecycleStage = Static<typeof LifecycleStage>;

export const RunStatus = Type.Union([
  Type.Literal('RUNNING'),
  Type.Literal('SCHEDULED'),
  Type.Literal('FINISHED'),
  Type.Literal('FAILED'),
  Type.Literal('KILLED'),
]);
export type RunStatus = Static<typeof RunStatus>;

/** search view types; on the wire as names, with the numbers accepted too. */
export const ViewType = Type.Union([
  Type.Literal('ACTIVE_ONLY'),
  Type.Literal('DELETED_ONLY'),
  Type.Literal('ALL'),
]);
export type ViewType = Static<typeof ViewType>;

export const Experiment = Type.Object({
  experiment_id: Type.String(),
  name: Type.String(),
  artifact_location: Type.Optional(Type.String()),
  lifecycle_stage: Type.String(),
  last_update_time: Type.Optional(Type.Number()),
  creation_time: Type.Optional(Type.Number()),
  tags: Type.Optional(Type.Array(ExperimentTag)),
  /** MLflow 3.18 always reports one; 'default' unless workspaces are enabled. */
  workspace: Type.Optional(Type.String()),
});
export type Experiment = Static<typeof Experiment>;

/**
 * A metric value. NaN and ±Infinity are held as JS numbers; the JSON codec writes them
 * as the strings "NaN", "Infinity", "-Infinity" the way MLflow does.
 */
export const Metric = Type.Object({
  key: Type.String(),
  value: Type.Number(),
  timestamp: Type.Number(),
  step: Type.Number(),
  dataset_name: Type.Optional(Type.String()),
  dataset_digest: Type.Optional(Type.String()),
  model_id: Type.Optional(Type.String()),
  run_id: Type.Optional(Type.String()),
});
export type Metric = Static<typeof Metric>;

export const RunInfo = Type.Object({
  run_id: Type.String(),
  /** deprecated alias of run_id that MLflow still always sends */
  run_uuid: Type.String(),
  run_name: Type.Optional(Type.String()),
  experiment_id: Type.String(),
  user_id: Type.Optional(Type.String()),
  status: RunStatus,
  start_time: Type.Optional(Type.Number()),
  end_time: Type.Optional(Type.Number()),
  artifact_uri: Type.Optional(Type.String()),
  lifecycle_stage: Type.String(),
});
export type RunInfo = Static<typeof RunInfo>;

export const RunData = Type.Object({
  metrics: Type.Optional(Type.Array(Metric)),
  params: Type.Optional(Type.Array(Param)),
  tags: Type.Optional(Type.Array(RunTag)),
});
export type RunData = Static<typeof RunData>;

export const Dataset = Type.Object({
  name: Type.String(),
  digest: Type.String(),
  source_type: Type.String(),
  source: Type.String(),
  schema: Type.Optional(Type.String()),
  profile: Type.Optional(Type.String()),
});
export type Dataset = Static<typeof Dataset>;

export const DatasetInput = Type.Object({
  tags: Type.Optional(Type.Array(InputTag)),
  dataset: Dataset,
});
export type DatasetInput = Static<typeof DatasetInput>;

export const ModelInput = Type.Object({ model_id: Type.String() });
export type ModelInput = Static<typeof ModelInput>;

export const ModelOutput = Type.Object({ model_id: Type.String(), step: Type.Number() });
export type ModelOutput = Static<typeof ModelOutput>;

export const RunInputs = Type.Object({
  dataset_inputs: Type.Optional(Type.Array(DatasetInput)),
  model_inputs: Type.Optional(Type.Array(ModelInput)),
});
export type RunInputs = Static<typeof RunInputs>;

export const RunOutputs = Type.Object({
  model_outputs: Type.Optional(Type.Array(ModelOutput)),
});
export type RunOutputs = Static<typeof RunOutputs>;

export const Run = Type.Object({
  info: RunInfo,
  data: RunData,
  inputs: Type.Optional(RunInputs),
  outputs: Type.Optional(RunOutputs),
});
export type Run = Static<typeof Run>;

export const DatasetSummary = Type.Object({
  experiment_id: Type.String(),
  name: Type.String(),
  digest: Type.String(),
  context: Type.Optional(Type.String()),
});
export type DatasetSummary = Static<typeof DatasetSummary>;

/** A metric history point of get-history-bulk(-interval): it names its run. */
export const MetricWithRunId = Type.Object({
  key: Type.String(),
  value: Type.Number(),
  timestamp: Type.Number(),
  step: Type.Number(),
  run_id: Type.String(),
});
export type MetricWithRunId = Static<typeof MetricWithRunId>;

/** One entry of an artifact listing; paths are relative to the run's artifact root, directories have no size. */
export const FileInfo = Type.Object({
  path: Type.String(),
  is_dir: Type.Boolean(),
  file_size: Type.Optional(Type.Number()),
});
export type FileInfo = Static<typeof FileInfo>;
