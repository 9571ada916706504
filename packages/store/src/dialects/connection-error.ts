// One-line MlflowErrors for a database server that cannot be reached or refuses us (never echoing the password).
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { ServerLocation } from '../server-uri.js';

/** Driver error codes (Node socket codes, PostgreSQL SQLSTATEs, MySQL error names) and what they mean. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'unknown host',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  '28P01': 'authentication failed',
  '28000': 'authentication failed',
  '3D000': 'database does not exist',
  ER_ACCESS_DENIED_ERROR: 'authentication failed',
  ER_DBACCESS_DENIED_ERROR: 'access to the database denied',
  ER_BAD_DB_ERROR: 'database does not exist',
};

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: unknown[] } | null;
  if (typeof e?.code === 'string') return e.code;
  // Node reports a refused dual-stack connect as an AggregateError whose parts carry the code.
  const inner = Array.isArray(e?.errors) ? e.errors[0] : undefined;
  return inner ? codeOf(inner) : undefined;
}

/** The driver's own text, first line only, with the password cut out wherever it appears. */
function driverText(error: unknown, location: ServerLocation): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = raw.split('\n')[0] ?? '';
  return location.password ? line.split(location.password).join('***') : line;
}

/**
 * Turns a failure of the first connection into a one-line MlflowError naming the server,
 * the database and the reason; anything not about connecting is returned unchanged.
 */
export function connectionError(error: unknown, location: ServerLocation, displayName: string): unknown {
  if (error instanceof MlflowError) return error;
  const code = codeOf(error);
  const reason = code ? REASONS[code] : undefined;
  if (!reason && !(error instanceof Error && /connect|timeout|terminated/i.test(error.message))) return error;
  const where = `${location.user ? `${location.user}@` : ''}${location.host}${location.port ? `:${location.port}` : ''}/${location.database}`;
  return new MlflowError(
    ErrorCode.INTERNAL_ERROR,
    `Cannot connect to the ${displayName} tracking database ${where}: ${reason ?? 'connection failed'} (${driverText(error, location)}).`,
  );
}
