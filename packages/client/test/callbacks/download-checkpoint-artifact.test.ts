// downloadCheckpointArtifact: which run, which checkpoint path, and MLflow's errors in MLflow's order.
import { MlflowError } from '@mlflow-ts/protocol';
import { describe, expect, it } from 'vitest';
import { downloadCheckpointArtifact, LATEST_CHECKPOINT_ARTIFACT_TAG_KEY } from '../../src/callbacks/index.js';
import { RecordingPort } from './recording-port.js';

function portWithTag(value?: string): RecordingPort {
  const port = new RecordingPort();
  if (value !== undefined) port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY] = value;
  return port;
}

async function failure(p: Promise<unknown>): Promise<MlflowError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(MlflowError);
  expect((e as MlflowError).code).toBe('INTERNAL_ERROR');
  return e as MlflowError;
}

const NO_ACTIVE_RUN =
  "There is no active run, please provide the 'run_id' argument for 'load_checkpoint' invocation.";
const NO_CHECKPOINT = 'There is no logged checkpoint artifact in the current run.';
const BOTH = "Only one of 'epoch' and 'global_step' can be set for 'load_checkpoint'.";

describe('downloadCheckpointArtifact', () => {
  it('no run id and no active-run source', async () => {
    const port = portWithTag('checkpoints/latest_checkpoint.tfjs');
    expect((await failure(downloadCheckpointArtifact({}, { client: port }))).message).toBe(NO_ACTIVE_RUN);
    expect(port.calls).toEqual([]);
  });

  it('no run id and no active run', async () => {
    const port = portWithTag('x');
    const e = await failure(downloadCheckpointArtifact({}, { client: port, activeRunId: () => undefined }));
    expect(e.message).toBe(NO_ACTIVE_RUN);
  });

  it('uses the active run when no run id is given, reading its tags from the server', async () => {
    const port = portWithTag('checkpoints/latest_checkpoint.tfjs');
    const local = await downloadCheckpointArtifact({}, { client: port, activeRunId: () => 'active-1' });
    expect(port.calls).toEqual([
      { op: 'getRun', runId: 'active-1' },
      {
        op: 'downloadArtifacts',
        runId: 'active-1',
        path: 'checkpoints/latest_checkpoint.tfjs',
        dstPath: undefined,
      },
    ]);
    expect(local).toBe('/tmp/x/latest_checkpoint.tfjs');
  });

  it('an explicit run id wins over the active run', async () => {
    const port = portWithTag('checkpoints/epoch_1/checkpoint.tfjs');
    await downloadCheckpointArtifact(
      { runId: 'r9', dstPath: '/d' },
      { client: port, activeRunId: () => 'a' },
    );
    expect(port.calls.at(-1)).toEqual({
      op: 'downloadArtifacts',
      runId: 'r9',
      path: 'checkpoints/epoch_1/checkpoint.tfjs',
      dstPath: '/d',
    });
  });

  it('a run without the tag', async () => {
    const port = portWithTag();
    expect((await failure(downloadCheckpointArtifact({ runId: 'r' }, { client: port }))).message).toBe(
      NO_CHECKPOINT,
    );
  });

  it('the missing tag is reported before epoch and global step together', async () => {
    const port = portWithTag();
    const e = await failure(
      downloadCheckpointArtifact({ runId: 'r', epoch: 1, globalStep: 2 }, { client: port }),
    );
    expect(e.message).toBe(NO_CHECKPOINT);
  });

  it('epoch and global step together', async () => {
    const port = portWithTag('checkpoints/epoch_1/checkpoint.tfjs');
    const e = await failure(
      downloadCheckpointArtifact({ runId: 'r', epoch: 1, globalStep: 2 }, { client: port }),
    );
    expect(e.message).toBe(BOTH);
    expect(port.ops()).toEqual(['getRun']);
  });

  it('global step: the latest checkpoint file name under checkpoints/global_step_N/', async () => {
    const port = portWithTag('checkpoints/global_step_40/checkpoint.weights.tfjs');
    await downloadCheckpointArtifact({ runId: 'r', globalStep: 20 }, { client: port });
    expect(port.calls.at(-1)).toMatchObject({ path: 'checkpoints/global_step_20/checkpoint.weights.tfjs' });
  });

  it('epoch: the latest checkpoint file name under checkpoints/epoch_N/ (epoch 0 included)', async () => {
    const port = portWithTag('checkpoints/epoch_3/checkpoint.tfjs');
    await downloadCheckpointArtifact({ runId: 'r', epoch: 0 }, { client: port });
    expect(port.calls.at(-1)).toMatchObject({ path: 'checkpoints/epoch_0/checkpoint.tfjs' });
  });

  it('neither: the tagged path itself', async () => {
    const port = portWithTag('checkpoints/latest_checkpoint.tfjs');
    await downloadCheckpointArtifact({ runId: 'r' }, { client: port });
    expect(port.calls.at(-1)).toMatchObject({ path: 'checkpoints/latest_checkpoint.tfjs' });
  });
});
