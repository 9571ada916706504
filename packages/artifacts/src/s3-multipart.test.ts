// Presigned multipart upload against s3rver and a real radosgw: parts PUT straight to the URLs as MLflow's client does.
import { createHash } from 'node:crypto';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { beforeAll, expect, it } from 'vitest';
import { S3ArtifactRepository } from './s3-artifact-repository.js';
import { describeEachS3Server } from './test-support/s3-fixture.js';

const MIB = 1024 * 1024;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describeEachS3Server('S3 multipart', (s3, kind) => {
  let repo: S3ArtifactRepository;
  beforeAll(() => {
    repo = new S3ArtifactRepository(`s3://${s3().bucket}/mpu`, { client: s3().client });
  });
  const openUploads = async () =>
    (await s3().client.send(new ListMultipartUploadsCommand({ Bucket: s3().bucket }))).Uploads ?? [];

  it('create → PUT parts to presigned URLs → complete yields the whole object', async () => {
    const data = Buffer.alloc(12 * MIB);
    for (let i = 0; i < data.length; i += 1000) data[i] = i % 251;
    const chunk = 5 * MIB;
    const created = await repo.createMultipartUpload('dir/big.bin', 3);
    expect(created.upload_id).not.toBe('');
    expect(created.credentials.map((c) => [c.part_number, c.headers])).toEqual([
      [1, {}],
      [2, {}],
      [3, {}],
    ]);
    expect(created.credentials[0]?.url).toContain('X-Amz-Signature=');
    const parts = await Promise.all(
      created.credentials.map(async (c) => {
        const start = (c.part_number - 1) * chunk;
        const res = await fetch(c.url, { method: 'PUT', body: data.subarray(start, start + chunk) });
        expect(res.status).toBe(200);
        const etag = res.headers.get('etag') ?? '';
        // The client reports these back on complete; an S3 that hides them breaks MLflow's mpu flow.
        expect(etag).toMatch(/^"?[0-9a-f]{32}"?$/);
        return { part_number: c.part_number, etag };
      }),
    );
    expect(await repo.stat('dir/big.bin')).toBeNull();
    await repo.completeMultipartUpload('dir/big.bin', created.upload_id, parts.reverse());
    const back = Buffer.concat(await (await repo.get('dir/big.bin')).toArray());
    expect(sha(back)).toBe(sha(data));
    if (kind === 'radosgw') expect(await openUploads()).toEqual([]);
  });

  it.runIf(kind === 's3rver')(
    'abort is passed to the store (s3rver answers MethodNotAllowed: it has no AbortMultipartUpload)',
    async () => {
      const created = await repo.createMultipartUpload('aborted.bin', 1);
      const url = created.credentials[0]?.url ?? '';
      expect((await fetch(url, { method: 'PUT', body: Buffer.alloc(1024) })).status).toBe(200);
      await expect(repo.abortMultipartUpload('aborted.bin', created.upload_id)).rejects.toThrow(
        `Failed to abort multipart upload in s3://${s3().bucket}/mpu: The specified method is not allowed`,
      );
      expect(await repo.stat('aborted.bin')).toBeNull();
    },
  );

  it.runIf(kind === 'radosgw')(
    'abort drops the upload and its parts: nothing left to list or complete',
    async () => {
      const created = await repo.createMultipartUpload('aborted.bin', 2);
      const url = created.credentials[0]?.url ?? '';
      const part = await fetch(url, { method: 'PUT', body: Buffer.alloc(5 * MIB, 1) });
      expect(part.status).toBe(200);
      expect((await openUploads()).map((u) => [u.Key, u.UploadId])).toEqual([
        ['mpu/aborted.bin', created.upload_id],
      ]);
      await repo.abortMultipartUpload('aborted.bin', created.upload_id);
      expect(await openUploads()).toEqual([]);
      expect(await repo.stat('aborted.bin')).toBeNull();
      // The parts are gone with it: a late part PUT or a complete for that upload id is refused.
      expect((await fetch(url, { method: 'PUT', body: Buffer.alloc(16) })).status).toBe(404);
      await expect(
        repo.completeMultipartUpload('aborted.bin', created.upload_id, [
          { part_number: 1, etag: part.headers.get('etag') ?? '' },
        ]),
      ).rejects.toThrow(`Failed to complete multipart upload in s3://${s3().bucket}/mpu`);
    },
  );

  it.runIf(kind === 'radosgw')(
    'presigned part URLs are signature-checked: tampering is refused',
    async () => {
      const created = await repo.createMultipartUpload('signed.bin', 2);
      const [one, two] = created.credentials.map((c) => c.url);
      const put = async (url: string) => (await fetch(url, { method: 'PUT', body: Buffer.alloc(16) })).status;
      const sig = new URL(one ?? '');
      const value = sig.searchParams.get('X-Amz-Signature') ?? '';
      sig.searchParams.set('X-Amz-Signature', `${value[0] === '0' ? '1' : '0'}${value.slice(1)}`);
      expect(await put(sig.toString())).toBe(403);
      // Part 2's signature does not cover part 1.
      const swapped = new URL(two ?? '');
      swapped.searchParams.set('partNumber', '1');
      expect(await put(swapped.toString())).toBe(403);
      // Another key with the same query string is refused too.
      expect(await put((one ?? '').replace('/mpu/signed.bin?', '/mpu/other.bin?'))).toBe(403);
      expect(await put(one ?? '')).toBe(200);
      await repo.abortMultipartUpload('signed.bin', created.upload_id);
    },
  );

  it('SSE-C or checksum extra args make presigned multipart NOT_IMPLEMENTED, as in MLflow', async () => {
    const ssec = new S3ArtifactRepository(`s3://${s3().bucket}/mpu`, {
      client: s3().client,
      uploadExtraArgs: { SSECustomerKey: 'k', SSECustomerAlgorithm: 'AES256' },
    });
    await expect(ssec.createMultipartUpload('x.bin', 1)).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: 'Presigned artifact transfers are unavailable.',
    });
  });
});
