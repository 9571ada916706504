// S3 servers for the tests: in-process s3rver (always) and a real Ceph radosgw (scripts/radosgw.sh) when configured.
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
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createS3Client } from '../s3-client.js';

export type S3ServerKind = 's3rver' | 'radosgw';

export interface S3Fixture {
  kind: S3ServerKind;
  endpoint: string;
  bucket: string;
  client: S3Client;
  /** The environment an mlflow-ts server would be started with to reach this server. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** What .ci/run exports after `scripts/radosgw.sh start` (see `scripts/radosgw.sh env`). */
export interface RadosgwConfig {
  endpoint: string;
  accessKey: string;
  secretKey: string;
}

export function radosgwConfig(env: NodeJS.ProcessEnv = process.env): RadosgwConfig | undefined {
  const endpoint = env.MLFLOW_TS_S3_TEST_ENDPOINT;
  if (!endpoint) return undefined;
  return {
    endpoint,
    accessKey: env.MLFLOW_TS_S3_TEST_ACCESS_KEY ?? '',
    secretKey: env.MLFLOW_TS_S3_TEST_SECRET_KEY ?? '',
  };
}

function s3Env(endpoint: string, accessKey: string, secretKey: string): NodeJS.ProcessEnv {
  return {
    MLFLOW_S3_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: secretKey,
    AWS_DEFAULT_REGION: 'us-east-1',
  };
}

export async function startS3rver(bucket = 'mlflow-ts-test'): Promise<S3Fixture> {
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
  const env = s3Env(endpoint, 'S3RVER', 'S3RVER');
  const client = createS3Client(env);
  return {
    kind: 's3rver',
    endpoint,
    bucket,
    client,
    env,
    close: async () => {
      client.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Aborts every open multipart upload and deletes every object in the bucket, page by page. */
export async function emptyBucket(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const mpus = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    for (const u of mpus.Uploads ?? []) {
      await client.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
      );
    }
    if (!mpus.IsTruncated) break;
  }
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key ?? '' }));
    if (keys.length === 0) break;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
  }
}

/**
 * A fresh bucket (random name: test files run in parallel against the one radosgw) on the
 * radosgw of MLFLOW_TS_S3_TEST_ENDPOINT; close() empties and deletes it. radosgw keeps objects in
 * memory (memstore), so leaving them behind would cost RAM for the rest of the run.
 */
export async function startRadosgw(config: RadosgwConfig, prefix = 'mlflow-ts-test'): Promise<S3Fixture> {
  const bucket = `${prefix}-${randomBytes(6).toString('hex')}`;
  const env = s3Env(config.endpoint, config.accessKey, config.secretKey);
  const client = createS3Client(env);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    kind: 'radosgw',
    endpoint: config.endpoint,
    bucket,
    client,
    env,
    close: async () => {
      try {
        await emptyBucket(client, bucket);
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
 * set. Without it the radosgw block is skipped with a loud warning, or fails under CI=true (CI
 * starts radosgw, so a missing endpoint there is a broken setup, not a reason to test less).
 * `s3()` is valid inside tests and hooks of the body.
 */
export interface DescribeS3Options {
  /** Bucket name (s3rver) or bucket-name prefix (radosgw). */
  bucket?: string;
  /** The servers to run the body against; both by default. */
  only?: readonly S3ServerKind[];
  /**
   * Put the fixture's environment into process.env for the block (restored after): an mlflow-ts
   * app built in-process reads its S3 settings from the environment, as MLflow does.
   */
  applyEnv?: boolean;
}

/** Sets `env` in process.env and returns a function restoring what was there. */
function applyToProcessEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export function describeEachS3Server(
  title: string,
  body: (s3: () => S3Fixture, kind: S3ServerKind) => void,
  options: DescribeS3Options = {},
): void {
  for (const kind of options.only ?? (['s3rver', 'radosgw'] as const)) {
    const name = `${title} [${kind}]`;
    const config = radosgwConfig();
    if (kind === 'radosgw' && config === undefined) {
      if (process.env.CI === 'true') {
        describe(name, () => {
          it('has a radosgw endpoint (CI=true)', () => {
            throw new Error(NOT_CONFIGURED);
          });
        });
      } else {
        console.warn(`\n!!! ${name}: ${NOT_CONFIGURED}\n`);
        describe.skip(name, () => body(() => undefined as unknown as S3Fixture, kind));
      }
      continue;
    }
    describe(name, () => {
      let fixture: S3Fixture | undefined;
      let restore: (() => void) | undefined;
      beforeAll(async () => {
        fixture =
          kind === 's3rver'
            ? await startS3rver(options.bucket)
            : await startRadosgw(config as RadosgwConfig, options.bucket);
        if (options.applyEnv === true) restore = applyToProcessEnv(fixture.env);
      });
      afterAll(async () => {
        restore?.();
        await fixture?.close();
      });
      body(() => {
        if (fixture === undefined) throw new Error(`${kind} fixture not started`);
        return fixture;
      }, kind);
    });
  }
}
