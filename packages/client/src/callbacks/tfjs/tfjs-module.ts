// The slice of TensorFlow.js the callbacks use, typed from @tensorflow/tfjs but passed in by the caller at run time.
// Why passed in: tfjs stays an optional peer (nothing here loads it), and the callbacks use the very module instance
// the model was built with (@tensorflow/tfjs, tfjs-node or tfjs-node-gpu), never a second copy with its own registry.
import type * as tfjs from '@tensorflow/tfjs';

/** What the callbacks call on the `tf` namespace. `import * as tf from '@tensorflow/tfjs'` satisfies it. */
export interface TfjsModule {
  io: Pick<typeof tfjs.io, 'withSaveHandler' | 'fromMemory' | 'decodeWeights' | 'CompositeArrayBuffer'>;
  loadLayersModel: typeof tfjs.loadLayersModel;
}

/** A Keras-style tfjs model (`tf.sequential()`, `tf.model()`, or a loaded layers model). */
export type TfjsLayersModel = tfjs.LayersModel;

/** Training logs as tfjs hands them to custom callbacks: resolved scalar values by metric name. */
export type TfjsLogs = Record<string, number>;

/** The hooks tfjs `model.fit` accepts from a plain object (tfjs wraps it in its CustomCallback). */
export interface TfjsCallbackHooks {
  onTrainBegin?: (logs?: TfjsLogs) => Promise<void>;
  onEpochBegin?: (epoch: number, logs?: TfjsLogs) => Promise<void>;
  onEpochEnd?: (epoch: number, logs?: TfjsLogs) => Promise<void>;
  onBatchEnd?: (batch: number, logs?: TfjsLogs) => Promise<void>;
}
