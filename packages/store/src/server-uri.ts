// Reads the host part of SQLAlchemy URIs for database servers: user, password, host, port, database, options.
import { MlflowError } from '@mlflow-ts/protocol';

/** Where a PostgreSQL or MySQL database lives, with the URI's query options still as written. */
export interface ServerLocation {
  kind: 'postgresql' | 'mysql';
  /** The `+driver` suffix as written (`psycopg2`, `pymysql`, …); informational only. */
  driver?: string;
  user?: string;
  password?: string;
  host: string;
  port?: number;
  database: string;
  options: Record<string, string>;
}

function decode(text: string, uri: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw MlflowError.invalidParameter(`Invalid database URI '${redactUri(uri)}': bad percent-encoding.`);
  }
}

/** Hides a password in a URI shown in messages (`user:secret@host` → `user:***@host`). */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^/:@]*):[^/@]*@/, '//$1:***@');
}

/**
 * `rest` is what follows `scheme://`: `[user[:password]@]host[:port]/database[?k=v&…]`.
 * Passwords are URL-decoded as SQLAlchemy does (`p%40ss` → `p@ss`); a missing host means
 * localhost; a missing database is an error because MLflow's tables need one.
 */
export function parseServerUri(
  kind: ServerLocation['kind'],
  driver: string | undefined,
  rest: string,
  uri: string,
): ServerLocation {
  const fail = (why: string): never => {
    throw MlflowError.invalidParameter(`Invalid ${kind} URI '${redactUri(uri)}': ${why}.`);
  };
  const [beforeQuery = '', query = ''] = splitOnce(rest, '?');
  const at = beforeQuery.lastIndexOf('@');
  const credentials = at >= 0 ? beforeQuery.slice(0, at) : undefined;
  const hostAndPath = at >= 0 ? beforeQuery.slice(at + 1) : beforeQuery;
  const [hostPort = '', database = ''] = splitOnce(hostAndPath, '/');
  if (database === '' || database.includes('/')) fail("expected '…://user:password@host:port/database'");
  const location: ServerLocation = { kind, host: 'localhost', database: decode(database, uri), options: {} };
  if (driver) location.driver = driver;
  if (credentials !== undefined) {
    const [user = '', password] = splitOnce(credentials, ':');
    if (user !== '') location.user = decode(user, uri);
    if (password !== undefined) location.password = decode(password, uri);
  }
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!portMatch) return fail(`bad host '${hostPort}'`);
  const host = (portMatch[1] ?? '').replace(/^\[(.*)\]$/, '$1');
  if (host !== '') location.host = decode(host, uri);
  if (portMatch[2] !== undefined) {
    const port = Number(portMatch[2]);
    if (portMatch[2] === '' || port < 1 || port > 65535) fail(`bad port '${portMatch[2]}'`);
    location.port = port;
  }
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [key = '', value = ''] = splitOnce(pair, '=');
    location.options[decode(key.replace(/\+/g, ' '), uri)] = decode(value.replace(/\+/g, ' '), uri);
  }
  return location;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}
