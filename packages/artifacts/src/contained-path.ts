// Defence in depth under path safety: the real path (symlinks resolved) must stay inside the root.
import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MlflowError } from '@mlflow-ts/protocol';

/** MLflow's validate_path_within_directory message. */
export const OUTSIDE_ROOT_MESSAGE = 'Invalid path: resolved path is outside the artifact directory';

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * The real location of `target`: the target itself when something (even a dangling link) is there,
 * else its deepest existing ancestor resolved with the missing tail appended, so a write below a
 * symlinked directory is judged by where the bytes would really land.
 */
async function realLocation(target: string, depth = 0): Promise<string> {
  let existing = target;
  const tail: string[] = [];
  while (!(await exists(existing))) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    tail.unshift(path.basename(existing));
    existing = parent;
  }
  const real = await realpath(existing).catch(() => null);
  if (real !== null) return path.join(real, ...tail);
  // A dangling symlink has no realpath; judge it by where it points, since a write would land there.
  const link = await readlink(existing).catch(() => null);
  if (link === null || depth > 40) return path.join(path.resolve(existing), ...tail);
  return realLocation(path.join(path.resolve(path.dirname(existing), link), ...tail), depth + 1);
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Joins a safe relative path to `root` and returns it, or throws INVALID_PARAMETER_VALUE when its
 * real location (every symlink on the way followed) is outside the real root.
 */
export async function containedPath(root: string, relative: string): Promise<string> {
  const joined = path.join(root, relative);
  const realRoot = await realLocation(root);
  if (!isInside(realRoot, await realLocation(joined))) {
    throw MlflowError.invalidParameter(OUTSIDE_ROOT_MESSAGE);
  }
  return joined;
}
