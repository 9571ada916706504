// S3 servers for the API suites: in-process s3rver (always) and a real radosgw when configured, set in process.env.
//
// This mirrors packages/artifacts/src/test-support/s3-fixture.ts (same env variables, same skip/CI policy): lint
// forbids importing another workspace's test support (no deep `@mlflow-ts/*/*` paths, no relative cross-workspace
// imports), and test helpers do not belong in @mlflow-ts/artifacts' public exports.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '@mlflow-ts/artifacts';
import { afterAll, beforeAll, describe, it } from 'vitest';

export type S3ServerKind = 's3rver' | 'radosgw';

export interface S3rverHandle {
  kind: S3ServerKind;
  bucket: string;
  endpoint: string;
  /** A client with the same credentials the server uses, for looking into the bucket directly. */
  client: S3Client;
  close(): Promise<void>;
}

/** MLflow's S3 variables (and the SDK's credential variables) for an endpoint and its keys. */
export function s3rverEnv(
  endpoint: string,
  accessKey = 'S3RVER',
  secretKey = 'S3RVER',
): Record<string, string> {
  return {
    MLFLOW_S3_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: secretKey,
    AWS_DEFAULT_REGION: 'us-east-1',
  };
}

/** Sets `env` in process.env (the server builds its S3 client from the environment, as MLflow does). */
function applyEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** Starts s3rver and sets its environment in process.env; close() restores the previous values. */
export async function startS3rverForServer(bucket = 'mlflow-ts-server'): Promise<S3rverHandle> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = s3rverEnv(endpoint);
  const client = createS3Client(env);
  const restore = applyEnv(env);
  return {
    kind: 's3rver',
    bucket,
    endpoint,
    client,
    close: async () => {
      restore();
      client.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** MLFLOW_TS_S3_TEST_* as exported by .ci/run after `scripts/radosgw.sh start`. */
function radosgwEnv(): Record<string, string> | undefined {
  const endpoint = process.env.MLFLOW_TS_S3_TEST_ENDPOINT;
  if (!endpoint) return undefined;
  return s3rverEnv(
    endpoint,
    process.env.MLFLOW_TS_S3_TEST_ACCESS_KEY ?? '',
    process.env.MLFLOW_TS_S3_TEST_SECRET_KEY ?? '',
  );
}

/**
 * A fresh randomly named bucket on the configured radosgw (test files share it in parallel), its
 * environment set in process.env; close() aborts open uploads, empties and deletes the bucket.
 */
export async function startRadosgwForServer(
  env: Record<string, string>,
  prefix = 'mlflow-ts-server',
): Promise<S3rverHandle> {
  const bucket = `${prefix}-${randomBytes(6).toString('hex')}`;
  const client = createS3Client(env);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const restore = applyEnv(env);
  return {
    kind: 'radosgw',
    bucket,
    endpoint: env.MLFLOW_S3_ENDPOINT_URL ?? '',
    client,
    close: async () => {
      restore();
      try {
        const mpus = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
        for (const u of mpus.Uploads ?? []) {
          await client.send(
            new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
          );
        }
        for (;;) {
          const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
          const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key ?? '' }));
          if (keys.length === 0) break;
          await client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
          );
        }
        await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      } finally {
        client.destroy();
      }
    },
  };
}

const NOT_CONFIGURED =
  'MLFLOW_TS_S3_TEST_ENDPOINT is not set: S3 suites against a real radosgw are SKIPPED. ' +
  'Run `scripts/radosgw.sh start` and `eval "$(scripts/radosgw.sh env)"` (as .ci/run does).';

/**
 * Declares `body` once per S3 server: s3rver always, radosgw when MLFLOW_TS_S3_TEST_ENDPOINT is
 * set; without it the radosgw block is skipped loudly, or fails under CI=true. `s3()` is valid
 * inside the body's tests and hooks (declare the body's own beforeAll after this one starts S3).
 */
export function describeEachS3Server(
  title: string,
  body: (s3: () => S3rverHandle, kind: S3ServerKind) => void,
  only: readonly S3ServerKind[] = ['s3rver', 'radosgw'],
): void {
  for (const kind of only) {
    const name = `${title} [${kind}]`;
    const env = radosgwEnv();
    if (kind === 'radosgw' && env === undefined) {
      if (process.env.CI === 'true') {
        describe(name, () => {
          it('has a radosgw endpoint (CI=true)', () => {
            throw new Error(NOT_CONFIGURED);
          });
        });
      } else {
        console.warn(`\n!!! ${name}: ${NOT_CONFIGURED}\n`);
        describe.skip(name, () => body(() => undefined as unknown as S3rverHandle, kind));
      }
      continue;
    }
    describe(name, () => {
      let handle: S3rverHandle | undefined;
      beforeAll(async () => {
        handle =
          kind === 's3rver'
            ? await startS3rverForServer()
            : await startRadosgwForServer(env as Record<string, string>);
      });
      afterAll(async () => handle?.close());
      body(() => {
        if (handle === undefined) throw new Error(`${kind} not started`);
        return handle;
      }, kind);
    });
  }
}
