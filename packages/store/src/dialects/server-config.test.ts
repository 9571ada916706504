// URI options → pg / mysql2 settings, and what is ignored with a reason.
import { describe, expect, it } from 'vitest';
import { parseStoreUri } from '../store-uri.js';
import type { ServerLocation } from '../server-uri.js';
import { connectionError } from './connection-error.js';
import { mysqlPoolOptions } from './mysql-config.js';
import { postgresPoolConfig } from './postgres-config.js';

const location = (uri: string) => parseStoreUri(uri) as ServerLocation;

describe('server database settings', () => {
  it('postgres: honours libpq options it can, reports the rest', () => {
    const { config, ignored } = postgresPoolConfig(
      location(
        'postgresql+psycopg2://u:p%2Fw@h:6543/db?sslmode=require&application_name=app&connect_timeout=3&target_session_attrs=any',
      ),
    );
    expect(config).toMatchObject({
      host: 'h',
      port: 6543,
      user: 'u',
      password: 'p/w',
      database: 'db',
      ssl: { rejectUnauthorized: false },
      application_name: 'app',
      connectionTimeoutMillis: 3000,
    });
    expect(ignored).toEqual(['target_session_attrs: not a connection setting node-postgres understands']);
    expect(postgresPoolConfig(location('postgresql://h/db?sslmode=prefer')).ignored[0]).toMatch(
      /^sslmode=prefer: /,
    );
  });

  it('mysql: charset and timeouts pass through, driver-only options are reported', () => {
    const { options, ignored } = mysqlPoolOptions(
      location('mysql+pymysql://root:@127.0.0.1/db?charset=utf8&connect_timeout=2&binary_prefix=true'),
    );
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      password: '',
      charset: 'utf8',
    });
    expect(options.connectTimeout).toBe(2000);
    expect(ignored).toEqual(['binary_prefix: not a connection setting mysql2 understands']);
  });

  it('connection failures become one line without the password', () => {
    const where = location('postgresql://u:hunter2@db:5432/m');
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect((connectionError(refused, where, 'PostgreSQL') as Error).message).toBe(
      'Cannot connect to the PostgreSQL tracking database u@db:5432/m: connection refused (connect ECONNREFUSED 10.0.0.1:5432).',
    );
    const auth = Object.assign(new Error('password authentication failed for user "u" (hunter2)\nmore'), {
      code: '28P01',
    });
    const message = (connectionError(auth, where, 'PostgreSQL') as Error).message;
    expect(message).toMatch(
      /: authentication failed \(password authentication failed for user "u" \(\*\*\*\)\)\.$/,
    );
    const other = new Error('syntax error');
    expect(connectionError(other, where, 'PostgreSQL')).toBe(other);
  });
});
