// Paging of listings and batched deletes, against a scripted client (s3rver's continuation tokens need DES,
// which Node 20's OpenSSL 3 no longer offers).
import type { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ArtifactRepository } from './s3-artifact-repository.js';

interface Sent {
  name: string;
  input: Record<string, unknown>;
}

/** Answers ListObjectsV2 from `pages` by continuation token and records every command. */
function scriptedClient(pages: Record<string, unknown>[]): { client: S3Client; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name !== 'ListObjectsV2Command') return {};
      const token = command.input.ContinuationToken as string | undefined;
      return pages[token === undefined ? 0 : Number(token)];
    },
  };
  return { client: client as unknown as S3Client, sent };
}

const keys = (from: number, to: number, prefix: string) =>
  Array.from({ length: to - from }, (_, i) => ({ Key: `${prefix}f${from + i}`, Size: 1 }));

describe('S3 paging', () => {
  it('list follows continuation tokens and merges prefixes and files of every page', async () => {
    const { client, sent } = scriptedClient([
      {
        Contents: keys(0, 1000, 'p/d/'),
        CommonPrefixes: [{ Prefix: 'p/d/a/' }],
        IsTruncated: true,
        NextContinuationToken: '1',
      },
      { Contents: keys(1000, 1005, 'p/d/'), CommonPrefixes: [{ Prefix: 'p/d/z/' }], IsTruncated: false },
    ]);
    const repo = new S3ArtifactRepository('s3://b/p', { client, uploadExtraArgs: {} });
    const listed = await repo.list('d');
    expect(listed).toHaveLength(1007);
    expect(listed.filter((f) => f.is_dir).map((f) => f.path)).toEqual(['d/a', 'd/z']);
    expect(sent.map((s) => [s.input.Prefix, s.input.Delimiter, s.input.ContinuationToken])).toEqual([
      ['p/d/', '/', undefined],
      ['p/d/', '/', '1'],
    ]);
  });

  it('delete sends one DeleteObjects per listed page, only for keys inside the path', async () => {
    const { client, sent } = scriptedClient([
      { Contents: keys(0, 1000, 'p/d/'), IsTruncated: true, NextContinuationToken: '1' },
      { Contents: [...keys(1000, 1002, 'p/d/'), { Key: 'p/dx', Size: 1 }], IsTruncated: false },
    ]);
    const repo = new S3ArtifactRepository('s3://b/p', { client, uploadExtraArgs: {} });
    await repo.delete('d');
    const deletes = sent.filter((s) => s.name === 'DeleteObjectsCommand');
    const objects = deletes.map((d) => (d.input.Delete as { Objects: { Key: string }[] }).Objects);
    expect(objects.map((o) => o.length)).toEqual([1000, 2]);
    expect(objects.flat().some((o) => o.Key === 'p/dx')).toBe(false);
    expect(sent[0]?.input).toMatchObject({ Prefix: 'p/d' });
  });
});
