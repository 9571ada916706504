// The tags Python's fluent start_run adds from its context: user, source name and type, and git details.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { tagKeys } from '../mlflow-client/index.js';

function currentUser(env: NodeJS.ProcessEnv): string {
  if (env.MLFLOW_TRACKING_USERNAME) return env.MLFLOW_TRACKING_USERNAME;
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): Python's getpass falls back to these variables.
    return env.LOGNAME ?? env.USER ?? env.LNAME ?? env.USERNAME ?? 'unknown';
  }
}

function git(dir: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', ['-C', dir, ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const text = out.toString().trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

let gitCache: Record<string, string> | undefined;

/** Commit, branch and origin URL of the repository holding the main script (asked once per process). */
function gitTags(mainFile: string | undefined): Record<string, string> {
  if (gitCache) return gitCache;
  gitCache = {};
  if (mainFile === undefined) return gitCache;
  const dir = path.dirname(path.resolve(mainFile));
  const commit = git(dir, ['rev-parse', 'HEAD']);
  // Python adds git tags only when a commit is found.
  if (commit === undefined) return gitCache;
  gitCache[tagKeys.MLFLOW_GIT_COMMIT] = commit;
  const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (branch !== undefined && branch !== 'HEAD') gitCache[tagKeys.MLFLOW_GIT_BRANCH] = branch;
  const url = git(dir, ['remote', 'get-url', 'origin']);
  if (url !== undefined) gitCache[tagKeys.MLFLOW_GIT_REPO_URL] = url;
  return gitCache;
}

/**
 * The context tags for a new run (Python's DefaultRunContext and GitRunContext): mlflow.user,
 * mlflow.source.name (the main script), mlflow.source.type LOCAL, and git commit/branch/URL.
 * User-given tags win, as in context_registry.resolve_tags.
 *
 * @example
 * const tags = resolveRunTags({ stage: 'dev' });
 */
export function resolveRunTags(
  userTags: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv = process.env,
  mainFile: string | undefined = process.argv[1],
): Record<string, string> {
  return {
    [tagKeys.MLFLOW_USER]: currentUser(env),
    [tagKeys.MLFLOW_SOURCE_NAME]: mainFile ?? '<console>',
    [tagKeys.MLFLOW_SOURCE_TYPE]: 'LOCAL',
    ...gitTags(mainFile),
    ...userTags,
  };
}
