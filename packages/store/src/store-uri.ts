// Reads SQLAlchemy-style database URIs as MLflow users write them (`sqlite:///mlflow.db`, `postgresql://…`).
import path from 'node:path';
import { MlflowError } from '@mlflow-ts/protocol';
import { parseServerUri, redactUri, type ServerLocation } from './server-uri.js';

export type StoreLocation =
  | { kind: 'sqlite'; /** absolute file path, or `:memory:` */ file: string }
  | ServerLocation
  | { kind: 'unsupported'; backend: 'mssql' };

const SERVERS: Readonly<Record<string, ServerLocation['kind']>> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysql: 'mysql',
  // SQLAlchemy's name for MariaDB; the wire protocol and MLflow's schema are MySQL's.
  mariadb: 'mysql',
};

function unquote(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * `sqlite:///rel.db` is relative to `cwd`, `sqlite:////abs.db` absolute; `sqlite://` and
 * `sqlite:///:memory:` are in-memory. A driver suffix (`sqlite+pysqlite://`) and query
 * options are accepted and ignored, as SQLAlchemy's own options mean nothing here.
 */
export function parseStoreUri(uri: string, cwd: string = process.cwd()): StoreLocation {
  const match = /^([A-Za-z][A-Za-z0-9]*)(\+[A-Za-z0-9_]+)?:\/\/(.*)$/s.exec(uri);
  if (!match) {
    throw MlflowError.invalidParameter(
      `Invalid database URI '${redactUri(uri)}'. Expected a SQLAlchemy-style URI such as 'sqlite:///mlflow.db'.`,
    );
  }
  const scheme = (match[1] ?? '').toLowerCase();
  const driver = match[2]?.slice(1);
  const rest = match[3] ?? '';
  if (scheme === 'sqlite') {
    const withoutQuery = rest.split('?')[0] ?? '';
    if (withoutQuery === '' || withoutQuery === '/:memory:' || withoutQuery === '/') {
      return { kind: 'sqlite', file: ':memory:' };
    }
    if (!withoutQuery.startsWith('/')) {
      throw MlflowError.invalidParameter(
        `Invalid SQLite URI '${redactUri(uri)}': a SQLite URI has no host; write 'sqlite:///relative.db' or 'sqlite:////absolute.db'.`,
      );
    }
    const file = unquote(withoutQuery.slice(1));
    return { kind: 'sqlite', file: path.resolve(cwd, file) };
  }
  const server = SERVERS[scheme];
  if (server) return parseServerUri(server, driver, rest, uri);
  if (scheme === 'mssql') return { kind: 'unsupported', backend: 'mssql' };
  throw MlflowError.invalidParameter(
    `Invalid database URI '${redactUri(uri)}': unknown database '${scheme}'. Supported: sqlite, postgresql, mysql.`,
  );
}
