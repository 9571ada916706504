// Fluent experiments: setExperiment, and which experiment a new run goes to (active one, environment, or Default).
import type { Experiment } from '@mlflow-ts/protocol';
import { MlflowRestError } from '../rest/index.js';
import { fluentClient, state } from './fluent-state.js';

export type SetExperimentArgs = string | { experimentName?: string; experimentId?: string };

/**
 * Makes an experiment the active one for new runs: by name (created when missing) or by id.
 * Refuses deleted experiments, as Python does.
 *
 * @example
 * const exp = await setExperiment('fraud-detection');
 * await setExperiment({ experimentId: exp.experiment_id });
 */
export async function setExperiment(args: SetExperimentArgs): Promise<Experiment> {
  const { experimentName, experimentId } =
    typeof args === 'string' ? { experimentName: args, experimentId: undefined } : args;
  if ((experimentName === undefined) === (experimentId === undefined)) {
    throw new Error('Must specify exactly one of: `experimentId` or `experimentName`.');
  }
  const client = fluentClient();
  let experiment: Experiment;
  if (experimentName !== undefined) {
    const found = await client.getExperimentByName(experimentName);
    experiment = found ?? (await createOrGet(experimentName));
  } else {
    try {
      experiment = await client.getExperiment(experimentId as string);
    } catch (e) {
      if (e instanceof MlflowRestError && e.code === 'RESOURCE_DOES_NOT_EXIST') {
        throw new Error(`Experiment with ID '${experimentId as string}' does not exist.`, { cause: e });
      }
      throw e;
    }
  }
  if (experiment.lifecycle_stage === 'deleted') {
    throw new Error(
      `Cannot set a deleted experiment '${experiment.name}' as the active experiment. Restore it, or delete it permanently to create a new one.`,
    );
  }
  state.activeExperimentId = experiment.experiment_id;
  return experiment;
}

/** Creates the experiment; another process creating it first is not an error. */
async function createOrGet(name: string): Promise<Experiment> {
  const client = fluentClient();
  try {
    return await client.getExperiment(await client.createExperiment(name));
  } catch (e) {
    if (e instanceof MlflowRestError && e.code === 'RESOURCE_ALREADY_EXISTS') {
      const found = await client.getExperimentByName(name);
      if (found) return found;
    }
    throw e;
  }
}

/**
 * The experiment new runs go to: the active one, else MLFLOW_EXPERIMENT_NAME (created when
 * missing) or MLFLOW_EXPERIMENT_ID, else the Default experiment '0'.
 *
 * @example
 * const id = await currentExperimentId();
 */
export async function currentExperimentId(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (state.activeExperimentId !== undefined) return state.activeExperimentId;
  const client = fluentClient();
  const name = env.MLFLOW_EXPERIMENT_NAME || undefined;
  const id = env.MLFLOW_EXPERIMENT_ID || undefined;
  if (name !== undefined) {
    const found = await client.getExperimentByName(name);
    if (!found) return client.createExperiment(name);
    if (id !== undefined && id !== found.experiment_id) {
      throw new Error(
        `The provided MLFLOW_EXPERIMENT_ID environment variable value \`${id}\` does not match the experiment id \`${found.experiment_id}\` for experiment name \`${name}\``,
      );
    }
    return found.experiment_id;
  }
  if (id !== undefined) {
    try {
      return (await client.getExperiment(id)).experiment_id;
    } catch (e) {
      throw new Error(
        `The provided MLFLOW_EXPERIMENT_ID environment variable value \`${id}\` does not exist in the tracking server.`,
        {
          cause: e,
        },
      );
    }
  }
  return '0';
}
