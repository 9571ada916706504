// LocalArtifactRepository: round trips, ranges, listing rules, atomic writes and symlink refusal.
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactRepository, UPLOADING_PREFIX } from './local-artifact-repository.js';

let dir: string;
let root: string;
let outside: string;
let repo: LocalArtifactRepository;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-artifacts-'));
  root = path.join(dir, 'root');
  outside = path.join(dir, 'outside');
  await mkdir(root);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  repo = new LocalArtifactRepository(root);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A body that yields some bytes and then fails, like a client dropping mid-upload. */
function failingBody(): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from('partial ');
      await new Promise((r) => setTimeout(r, 5));
      throw new Error('connection reset');
    })(),
  );
}

describe('LocalArtifactRepository', () => {
  it('writes, reads, ranges and stats a file, creating parent directories', async () => {
    await repo.put('a/b/c.txt', Readable.from([Buffer.from('hello world')]));
    expect(await text(await repo.get('a/b/c.txt'))).toBe('hello world');
    expect(await text(await repo.get('a/b/c.txt', { start: 6, end: 10 }))).toBe('world');
    expect(await repo.stat('a/b/c.txt')).toMatchObject({ isDir: false, size: 11 });
    expect(await repo.stat('a/b')).toMatchObject({ isDir: true });
    expect(await repo.stat('nope')).toBeNull();
  });

  it('round-trips files across stream chunk boundaries, byte for byte, and empty files', async () => {
    const MiB = 1024 * 1024;
    const big = Buffer.alloc(3 * MiB + 5);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 20)) & 0xff;
    // Many small pieces, as a socket delivers them, written through the batching write stream.
    const pieces = Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) =>
      big.subarray(i * 65536, (i + 1) * 65536),
    );
    await repo.put('big.bin', Readable.from(pieces));
    expect((await buffer(await repo.get('big.bin'))).equals(big)).toBe(true);
    const range = { start: MiB - 3, end: 2 * MiB + 2 };
    const part = await buffer(await repo.get('big.bin', range));
    expect(part.equals(big.subarray(range.start, range.end + 1))).toBe(true);
    await repo.put('empty.bin', Readable.from([]));
    expect((await buffer(await repo.get('empty.bin'))).length).toBe(0);
  });

  it('lists one level with root-relative paths, sorted, dirs without size, staging files hidden', async () => {
    await repo.put('d/y.txt', Readable.from([Buffer.from('yy')]));
    await repo.put('d/e/z.txt', Readable.from([Buffer.from('z')]));
    await repo.put('x.txt', Readable.from([Buffer.from('x')]));
    await writeFile(path.join(root, 'd', `${UPLOADING_PREFIX}abc`), 'half');
    expect(await repo.list()).toEqual([
      { path: 'd', is_dir: true },
      { path: 'x.txt', is_dir: false, file_size: 1 },
    ]);
    expect(await repo.list('d/')).toEqual([
      { path: 'd/e', is_dir: true },
      { path: 'd/y.txt', is_dir: false, file_size: 2 },
    ]);
    expect(await repo.list('x.txt')).toEqual([]);
    expect(await repo.list('missing')).toEqual([]);
  });

  it('deletes recursively, and a missing path is not an error', async () => {
    await repo.put('d/e/z.txt', Readable.from([Buffer.from('z')]));
    await repo.delete('d');
    expect(await repo.stat('d')).toBeNull();
    await expect(repo.delete('d')).resolves.toBeUndefined();
  });

  it('a missing file is RESOURCE_DOES_NOT_EXIST', async () => {
    await expect(repo.get('none.txt')).rejects.toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: "No such artifact: 'none.txt'",
    });
  });

  it('a failed upload leaves neither a half file nor a staging file, and keeps the old content', async () => {
    await repo.put('f.txt', Readable.from([Buffer.from('old')]));
    await expect(repo.put('f.txt', failingBody())).rejects.toThrow('connection reset');
    await expect(repo.put('g.txt', failingBody())).rejects.toThrow('connection reset');
    expect(await readdir(root)).toEqual(['f.txt']);
    expect(await readFile(path.join(root, 'f.txt'), 'utf8')).toBe('old');
  });

  it('refuses reads, writes, listings and deletes through symlinks that leave the root', async () => {
    await symlink(outside, path.join(root, 'out-dir'));
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'out-file'));
    const refused = { code: 'INVALID_PARAMETER_VALUE' };
    await expect(repo.get('out-file')).rejects.toMatchObject(refused);
    await expect(repo.get('out-dir/secret.txt')).rejects.toMatchObject(refused);
    await expect(repo.list('out-dir')).rejects.toMatchObject(refused);
    await expect(repo.stat('out-dir/secret.txt')).rejects.toMatchObject(refused);
    await expect(repo.put('out-dir/new.txt', Readable.from([Buffer.from('x')]))).rejects.toMatchObject(
      refused,
    );
    await expect(repo.put('out-dir/sub/new.txt', Readable.from([Buffer.from('x')]))).rejects.toMatchObject(
      refused,
    );
    await expect(repo.delete('out-dir')).rejects.toMatchObject(refused);
    expect((await readdir(outside)).sort()).toEqual(['secret.txt']);
  });

  it('follows symlinks that stay inside the root', async () => {
    await repo.put('real/a.txt', Readable.from([Buffer.from('a')]));
    await symlink(path.join(root, 'real'), path.join(root, 'alias'));
    expect(await text(await repo.get('alias/a.txt'))).toBe('a');
  });
});
