// Walks a local directory for uploads: every regular file with its size and its '/'-separated relative path.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface LocalFile {
  readonly absolutePath: string;
  /** Relative to the walked directory, with '/' separators (artifact paths). */
  readonly relativePath: string;
  readonly size: number;
}

/**
 * Lists the files below `dir`, depth first, in name order (symlinks followed as files).
 *
 * @example
 * const files = await walkFiles('./outputs');
 */
export async function walkFiles(dir: string): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  const visit = async (abs: string, rel: string): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      const info = await stat(childAbs);
      if (info.isDirectory()) await visit(childAbs, childRel);
      else if (info.isFile()) out.push({ absolutePath: childAbs, relativePath: childRel, size: info.size });
    }
  };
  await visit(dir, '');
  return out;
}

/**
 * Runs `work` over items with at most `limit` in flight; the first failure rejects.
 *
 * @example
 * await forEachLimited(files, 4, (f) => upload(f));
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
