// The create-model-version source checks of MLflow's handler: local paths, relative paths, runs:/ and models:/.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import { isLocalUri, localFileUriToPath, pyUnquote, pyUnquotePlus, pyUrl } from './python-url.js';

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

/** What the checks need to know about the run or logged model the source claims to come from. */
export interface SourceOwners {
  /** The run's artifact URI; throws MLflow's RESOURCE_DOES_NOT_EXIST when there is no such run. */
  runArtifactUri(runId: string): Promise<string>;
  /** The logged model's artifact location; RESOURCE_DOES_NOT_EXIST when missing. */
  modelArtifactLocation(modelId: string): Promise<string>;
}

export function notFromOwner(source: string, idName: 'run_id' | 'model_id'): MlflowError {
  return invalid(
    `Invalid model version source: '${source}'. The ${idName} request parameter must identify the resource ` +
      'that contains the source.',
  );
}

/** pathlib's resolve(strict=False): absolute, symlinks of the existing part followed. */
export function resolvePath(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  const real = existsSync(existing) ? realpathSync(existing) : existing;
  return rest.length > 0 ? path.join(real, ...rest) : real;
}

function within(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** Sources with http(s), file paths, ftp, object stores or mlflow-artifacts must not climb with "..". */
export function checkNoRelativeParts(original: string): void {
  const message =
    `Invalid model version source: '${original}'. If supplying a source as an http, https, local file path, ` +
    'ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path ' +
    'references present. Please provide an absolute path.';
  let source = original;
  for (let unquoted = pyUnquotePlus(source); unquoted !== source; unquoted = pyUnquotePlus(source))
    source = unquoted;
  const sourcePath = pyUrl(source).path.replace(/\/+$/u, '').replace(/\/+/gu, '/');
  if (sourcePath.includes('\u0000') || source.split('/').some((p) => p === '..')) throw invalid(message);
  if (resolvePath(sourcePath) !== sourcePath) throw invalid(message);
}

function uriParts(uri: string): [string, string, string[]] {
  const { scheme, netloc, path: p } = pyUrl(uri);
  const parts = p
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      let v = s;
      for (let u = pyUnquote(v); u !== v; u = pyUnquote(v)) v = u;
      return v;
    });
  return [scheme.toLowerCase(), netloc.toLowerCase(), parts];
}

export function isUriWithinRoot(source: string, root: string): boolean {
  const [s, sa, sp] = uriParts(source);
  const [r, ra, rp] = uriParts(root);
  return s === r && sa === ra && rp.length > 0 && rp.every((part, i) => sp[i] === part);
}

export function isMlflowArtifactSource(source: string): boolean {
  const [scheme, , parts] = uriParts(source);
  if (scheme === 'mlflow-artifacts') return true;
  const route = ['api', '2.0', 'mlflow-artifacts', 'artifacts'];
  if (scheme !== 'http' && scheme !== 'https') return false;
  for (let i = 0; i + route.length <= parts.length; i++) {
    if (route.every((r, j) => parts[i + j] === r)) return true;
  }
  return false;
}

/** RunsArtifactRepository.parse_runs_uri's run id (its error carries no code: a 500). */
export function runIdOfRunsUri(uri: string): string {
  const p = pyUrl(uri).path;
  const runId = p.length > 1 && p.startsWith('/') ? (p.slice(1).split('/')[0] ?? '') : '';
  if (runId === '') {
    throw new MlflowError(
      ErrorCode.INTERNAL_ERROR,
      `Not a proper runs:/ URI: ${uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'`,
    );
  }
  return runId;
}

async function lookup<T>(source: string, idName: 'run_id' | 'model_id', fetch: () => Promise<T>): Promise<T> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof MlflowError && error.code === ErrorCode.RESOURCE_DOES_NOT_EXIST) {
      throw notFromOwner(source, idName);
    }
    throw error;
  }
}

/** A local source must sit inside the owner's local artifact directory. */
async function checkLocal(
  source: string,
  id: string | undefined,
  idName: 'run_id' | 'model_id',
  rootOf: (id: string) => Promise<string>,
): Promise<void> {
  let shown = source;
  if (id) {
    const root = await lookup(source, idName, () => rootOf(id));
    const resolved = resolvePath(localFileUriToPath(source));
    shown = resolved;
    if (isLocalUri(root) && within(resolvePath(localFileUriToPath(root)), resolved)) return;
  }
  const owner = idName === 'run_id' ? 'run_id' : 'model_id';
  throw invalid(
    `Invalid model version source: '${shown}'. To use a local path as a model version source, the ${owner} ` +
      'request parameter has to be specified and the local path has to be contained within the artifact ' +
      `directory of the run specified by the ${owner}.`,
  );
}

/** _validate_source_run: the source must come from the run named by run_id where that can be told. */
export async function checkSourceOfRun(
  owners: SourceOwners,
  source: string,
  runId: string | undefined,
  modelIdOfModelsUri: (uri: string) => string | undefined,
): Promise<void> {
  if (isLocalUri(source)) return checkLocal(source, runId, 'run_id', (id) => owners.runArtifactUri(id));
  checkNoRelativeParts(source);
  const { scheme, netloc } = pyUrl(source);
  if (scheme === 'runs') {
    if (netloc) throw notFromOwner(source, 'run_id');
    if (runId && runIdOfRunsUri(source) === runId) return;
    throw notFromOwner(source, 'run_id');
  }
  if (scheme === 'models') {
    if (netloc || modelIdOfModelsUri(source) !== undefined) throw notFromOwner(source, 'model_id');
  }
  if (isMlflowArtifactSource(source)) {
    if (runId) {
      const root = await lookup(source, 'run_id', () => owners.runArtifactUri(runId));
      if (isUriWithinRoot(source, root)) return;
    }
    throw notFromOwner(source, 'run_id');
  }
}

/** _validate_source_model: the same, for a version made from a logged model. */
export async function checkSourceOfModel(
  owners: SourceOwners,
  source: string,
  modelId: string,
  modelIdOfModelsUri: (uri: string) => string | undefined,
): Promise<void> {
  if (isLocalUri(source))
    return checkLocal(source, modelId, 'model_id', (id) => owners.modelArtifactLocation(id));
  checkNoRelativeParts(source);
  const { scheme, netloc } = pyUrl(source);
  if (scheme === 'models') {
    if (netloc) throw notFromOwner(source, 'model_id');
    const sourceModelId = modelIdOfModelsUri(source);
    if (sourceModelId !== undefined) {
      if (sourceModelId === modelId) return;
      throw notFromOwner(source, 'model_id');
    }
  }
  if (scheme === 'runs') throw notFromOwner(source, 'model_id');
  if (isMlflowArtifactSource(source)) {
    const root = await lookup(source, 'model_id', () => owners.modelArtifactLocation(modelId));
    if (isUriWithinRoot(source, root)) return;
    throw notFromOwner(source, 'model_id');
  }
}
