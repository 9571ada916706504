// Thousands of generated hostile paths through path safety and the local repository: none escapes the root.
import { lstat, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalArtifactRepository } from './local-artifact-repository.js';
import { validatePathIsSafe } from './path-safety.js';

/** Pieces an attacker combines: dots in every spelling, separators, link names, URI and drive forms. */
// prettier-ignore
const PIECES = [
  '..', '.', '...', '%2e%2e', '%2E%2E', '%2e.', '.%2e', '%252e%252e', '%25252e%25252e', '%c0%ae%c0%ae',
  '\u2025', '\uff0e\uff0e', '\u2024\u2024', '%e2%80%a5', '%2f', '%2F', '%252f', '%5c', '\\', '/', '//',
  'out-dir', 'out-file', 'dangling', 'in', 'in/loop', 'a', 'b.txt', 'file:', 'file://', 'C:', 'c:\\',
  '%00', '\u0000', '#', '%23', '?', '~', '$HOME', '%u002e%u002e', '..;', ';..', ' ..', '.. ', '..%20',
];

/** A small deterministic PRNG so a failure names a reproducible path. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(count: number): string[] {
  const rand = prng(20251124);
  const out = new Set<string>();
  for (const a of PIECES) for (const b of PIECES) out.add(`${a}/${b}`);
  while (out.size < count) {
    const n = 1 + Math.floor(rand() * 6);
    const parts = Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)] ?? '');
    const sep = ['/', '\\', '%2f', '/./', '//'][Math.floor(rand() * 5)] ?? '/';
    out.add(parts.join(sep) + (rand() < 0.3 ? '/secret.txt' : ''));
  }
  return [...out];
}

let dir: string;
let root: string;
let outside: string;

async function snapshot(p: string): Promise<string[]> {
  const entries = await readdir(p, { recursive: true });
  return entries.map(String).sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-escape-'));
  root = path.join(dir, 'root');
  outside = path.join(dir, 'outside');
  await mkdir(path.join(root, 'in'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await writeFile(path.join(root, 'b.txt'), 'inside');
  await symlink(outside, path.join(root, 'out-dir'));
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'out-file'));
  await symlink(path.join(outside, 'planted'), path.join(root, 'dangling'));
  await symlink(path.join(root, 'in'), path.join(root, 'in', 'loop'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hostile paths', () => {
  const paths = generate(4000);

  it(`${paths.length} generated paths never read, list or write outside the root`, async () => {
    const repo = new LocalArtifactRepository(root);
    const before = await snapshot(outside);
    let accepted = 0;
    for (const raw of paths) {
      let safe: string;
      try {
        safe = validatePathIsSafe(raw);
      } catch (error) {
        expect(error).toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' });
        continue;
      }
      accepted += 1;
      // MLflow's rules alone already keep the lexical join inside the root.
      const joined = path.resolve(root, safe);
      const rel = path.relative(root, joined);
      expect(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel), raw).toBe(false);
      const quiet = async <T>(op: () => Promise<T>): Promise<T | undefined> => op().catch(() => undefined);
      const body = await quiet(async () => text(await repo.get(safe)));
      expect(body, raw).not.toBe('secret');
      const listed = await quiet(() => repo.list(safe));
      if (body !== undefined || (listed !== undefined && listed.length > 0)) {
        // Whatever was served, its real location (links followed) is inside the root.
        const real = path.relative(await realpath(root), await realpath(joined));
        expect(real === '..' || real.startsWith(`..${path.sep}`), raw).toBe(false);
      }
      await quiet(() => repo.put(`${safe}/w.txt`, Readable.from([Buffer.from('w')])));
    }
    expect(accepted).toBeGreaterThan(100);
    expect(await snapshot(outside)).toEqual(before);
    await expect(lstat(path.join(outside, 'planted'))).rejects.toThrow();
  });
});
