// From a parsed postgresql:// URI to node-postgres pool settings; query options it cannot honour are reported.
import { readFileSync } from 'node:fs';
import type { PoolConfig } from 'pg';
import pg from 'pg';
import type { ServerLocation } from '../server-uri.js';
import { poolSettings } from './pool-settings.js';

const INT8_OID = 20;

/**
 * node-postgres hands back int8 as strings; every MLflow bigint (timestamps, steps, counts) fits a
 * double, and the store expects numbers as SQLAlchemy gives Python ints. Scoped to our pool so
 * other pg users in the process keep their parsers.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** libpq's sslmode values: only `require` and the verifying modes make node-postgres use TLS. */
function sslFor(options: Record<string, string>): PoolConfig['ssl'] {
  const mode = options.sslmode;
  const file = (name: string) => (options[name] ? readFileSync(options[name]) : undefined);
  if (mode === 'require') return { rejectUnauthorized: false };
  if (mode === 'verify-ca' || mode === 'verify-full') {
    return {
      rejectUnauthorized: true,
      ca: file('sslrootcert'),
      cert: file('sslcert'),
      key: file('sslkey'),
      // verify-ca checks the chain but not the host name, as libpq does.
      ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
    };
  }
  return undefined;
}

const SSL_KEYS = new Set(['sslmode', 'sslrootcert', 'sslcert', 'sslkey']);

/** Pool config plus a note for each URI option that was ignored, saying why. */
export function postgresPoolConfig(location: ServerLocation): { config: PoolConfig; ignored: string[] } {
  const { options } = location;
  const pool = poolSettings();
  const config: PoolConfig = {
    host: location.host,
    port: location.port ?? 5432,
    database: location.database,
    // Unset parts fall back to libpq's environment (PGUSER, PGPASSWORD, …) as psycopg2 does.
    user: location.user,
    password: location.password,
    max: pool.max,
    idleTimeoutMillis: pool.idleTimeoutMillis,
    types,
    ssl: sslFor(options),
  };
  const ignored: string[] = [];
  if (options.sslmode === 'prefer' || options.sslmode === 'allow') {
    ignored.push(
      `sslmode=${options.sslmode}: node-postgres cannot fall back between TLS and plain; connecting without TLS`,
    );
  }
  for (const [key, value] of Object.entries(options)) {
    if (SSL_KEYS.has(key)) continue;
    if (key === 'application_name') config.application_name = value;
    else if (key === 'options') config.options = value;
    else if (key === 'client_encoding') config.client_encoding = value;
    else if (key === 'connect_timeout') config.connectionTimeoutMillis = Number(value) * 1000;
    else if (key === 'keepalives') config.keepAlive = value !== '0';
    else ignored.push(`${key}: not a connection setting node-postgres understands`);
  }
  return { config, ignored };
}
