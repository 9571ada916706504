// Writes a tfjs model as files (model.json + weights.bin, as tfjs's own file format) and reads such a checkpoint back.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import type { TfjsLayersModel, TfjsModule } from './tfjs-module.js';

/** Files of a checkpoint directory: a full model, or only its weights. */
export const TFJS_MODEL_JSON = 'model.json';
export const TFJS_WEIGHTS_MANIFEST_JSON = 'weights.json';
export const TFJS_WEIGHTS_BIN = 'weights.bin';

/**
 * Saves `model` into directory `dir`: `model.json` (topology, training config, weights manifest)
 * and `weights.bin`; with `weightsOnly`, `weights.json` (the manifest alone) and `weights.bin`.
 * A full save includes the optimizer state, as MLflow's non-weights-only checkpoints do. The layout
 * is tfjs's own `file://` format, so tfjs-node also reads it: `tf.loadLayersModel('file://<dir>/model.json')`.
 *
 * @example
 * await saveTfjsModelFiles(tf, model, '/tmp/ckpt', { weightsOnly: false });
 * const again = await loadTfjsCheckpoint(tf, '/tmp/ckpt');
 */
export async function saveTfjsModelFiles(
  tf: TfjsModule,
  model: TfjsLayersModel,
  dir: string,
  options: { weightsOnly: boolean },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const handler = tf.io.withSaveHandler(async (artifacts) => {
    const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
    await writeFile(path.join(dir, TFJS_WEIGHTS_BIN), new Uint8Array(weights));
    const weightsManifest: tfjs.io.WeightsManifestConfig = [
      { paths: [`./${TFJS_WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] },
    ];
    if (options.weightsOnly) {
      await writeFile(path.join(dir, TFJS_WEIGHTS_MANIFEST_JSON), JSON.stringify({ weightsManifest }));
    } else {
      const modelJson: tfjs.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        weightsManifest,
        ...(artifacts.format !== undefined && { format: artifacts.format }),
        ...(artifacts.generatedBy !== undefined && { generatedBy: artifacts.generatedBy }),
        ...(artifacts.convertedBy !== undefined && { convertedBy: artifacts.convertedBy }),
        ...(artifacts.trainingConfig !== undefined && { trainingConfig: artifacts.trainingConfig }),
        ...(artifacts.userDefinedMetadata !== undefined && {
          userDefinedMetadata: artifacts.userDefinedMetadata,
        }),
      };
      await writeFile(path.join(dir, TFJS_MODEL_JSON), JSON.stringify(modelJson));
    }
    return {
      modelArtifactsInfo: {
        dateSaved: new Date(),
        modelTopologyType: 'JSON',
        weightDataBytes: weights.byteLength,
      },
    };
  });
  await model.save(handler, { includeOptimizer: !options.weightsOnly });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Reads a checkpoint directory written by `saveTfjsModelFiles` (e.g. the path
 * `downloadCheckpointArtifact` answers). A full checkpoint gives a new model; a weights-only one
 * needs a model of the same architecture to load the weights into, by position (which is then answered).
 *
 * @example
 * const dir = await downloadCheckpointArtifact({ runId }, { client: port });
 * const model = await loadTfjsCheckpoint(tf, dir);
 * model.predict(tf.tensor2d([[3]])).print();
 */
export async function loadTfjsCheckpoint(
  tf: TfjsModule,
  dir: string,
  into?: TfjsLayersModel,
): Promise<TfjsLayersModel> {
  const weights = await readFile(path.join(dir, TFJS_WEIGHTS_BIN));
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  if (await exists(path.join(dir, TFJS_MODEL_JSON))) {
    const json = JSON.parse(await readFile(path.join(dir, TFJS_MODEL_JSON), 'utf8')) as tfjs.io.ModelJSON;
    const specs = json.weightsManifest.flatMap((group) => group.weights);
    const artifacts: tfjs.io.ModelArtifacts = { ...json, weightSpecs: specs, weightData };
    return tf.loadLayersModel(tf.io.fromMemory(artifacts));
  }
  if (into === undefined) {
    throw new Error(
      `${dir} holds weights only (${TFJS_WEIGHTS_MANIFEST_JSON}): pass the model to load them into`,
    );
  }
  const manifest = JSON.parse(await readFile(path.join(dir, TFJS_WEIGHTS_MANIFEST_JSON), 'utf8')) as {
    weightsManifest: tfjs.io.WeightsManifestConfig;
  };
  const specs = manifest.weightsManifest.flatMap((group) => group.weights);
  // By position, as Keras's load_weights does: layer names differ between model instances (dense_Dense1, …).
  const named = tf.io.decodeWeights(weightData, specs);
  into.setWeights(specs.map((spec) => named[spec.name] as NonNullable<(typeof named)[string]>));
  return into;
}
