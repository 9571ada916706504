// From a parsed mysql:// URI to mysql2 pool options; query options it cannot honour are reported.
import { readFileSync } from 'node:fs';
import type { PoolOptions } from 'mysql2';
import type { ServerLocation } from '../server-uri.js';
import { poolSettings } from './pool-settings.js';

/** PyMySQL / mysqlclient spell TLS files `ssl_ca`, `ssl_cert`, `ssl_key`; any of them turns TLS on. */
function sslFor(options: Record<string, string>): PoolOptions['ssl'] {
  const file = (name: string) => (options[name] ? readFileSync(options[name]) : undefined);
  if (!options.ssl_ca && !options.ssl_cert && !options.ssl_key && options.ssl !== 'true') return undefined;
  return {
    ca: file('ssl_ca'),
    cert: file('ssl_cert'),
    key: file('ssl_key'),
    rejectUnauthorized: options.ssl_verify_cert !== 'false',
  };
}

const SSL_KEYS = new Set(['ssl', 'ssl_ca', 'ssl_cert', 'ssl_key', 'ssl_verify_cert']);

/** Pool options plus a note for each URI option that was ignored, saying why. */
export function mysqlPoolOptions(location: ServerLocation): { options: PoolOptions; ignored: string[] } {
  const pool = poolSettings();
  const options: PoolOptions = {
    host: location.host,
    port: location.port ?? 3306,
    database: location.database,
    user: location.user,
    password: location.password,
    connectionLimit: pool.max,
    maxIdle: 5,
    idleTimeout: pool.idleTimeoutMillis,
    // SUM()/AVG() come back as DECIMAL; the store wants numbers, as Python's Decimal compares as one.
    decimalNumbers: true,
    ssl: sslFor(location.options),
    // PyMySQL's default is utf8mb4 too; MLflow's text columns hold any Unicode.
    charset: 'utf8mb4',
  };
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(location.options)) {
    if (SSL_KEYS.has(key)) continue;
    if (key === 'charset') options.charset = value;
    else if (key === 'connect_timeout') options.connectTimeout = Number(value) * 1000;
    else if (key === 'unix_socket') options.socketPath = value;
    else ignored.push(`${key}: not a connection setting mysql2 understands`);
  }
  return { options, ignored };
}
