// Splits s3://bucket/prefix and joins repository-relative paths to object keys as MLflow's posixpath.join does.
import path from 'node:path';
import { parseUri } from './uri-parts.js';

export interface S3Location {
  bucket: string;
  /** Key prefix of the repository root without leading or trailing '/'; '' for the bucket root. */
  prefix: string;
}

export function parseS3Uri(uri: string): S3Location {
  const parts = parseUri(uri);
  if (parts.scheme !== 's3' || parts.netloc === '') throw new Error(`Not an S3 URI: ${uri}`);
  return { bucket: parts.netloc, prefix: parts.path.replace(/^\/+/, '').replace(/\/+$/, '') };
}

/** A safe relative path normalised ('./a/', 'a//b' → 'a', 'a/b'); '' for the root. */
export function normalizedRelative(relative: string | undefined): string {
  if (relative === undefined || relative === '') return '';
  const n = path.posix.normalize(relative).replace(/\/+$/, '');
  return n === '.' ? '' : n.replace(/^\.\//, '');
}

/** The object key (or key prefix, for a directory) of a root-relative path. */
export function keyOf(location: S3Location, relative: string | undefined): string {
  const rel = normalizedRelative(relative);
  if (location.prefix === '') return rel;
  return rel === '' ? location.prefix : `${location.prefix}/${rel}`;
}

/** The root-relative path of a listed key or common prefix (trailing '/' dropped). */
export function relativeOf(location: S3Location, key: string): string {
  const rel = location.prefix === '' ? key : key.slice(location.prefix.length + 1);
  return rel.replace(/\/+$/, '');
}
