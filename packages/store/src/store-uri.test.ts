// SQLAlchemy-style URIs as MLflow users write them.
import { describe, expect, it } from 'vitest';
import { parseStoreUri } from './store-uri.js';

describe('parseStoreUri', () => {
  it.each([
    ['sqlite:///mlflow.db', { kind: 'sqlite', file: '/work/dir/mlflow.db' }],
    ['sqlite:///sub/dir/x.db?timeout=5', { kind: 'sqlite', file: '/work/dir/sub/dir/x.db' }],
    ['sqlite:////abs/path.db', { kind: 'sqlite', file: '/abs/path.db' }],
    ['sqlite+pysqlite:////abs/my%20db.db', { kind: 'sqlite', file: '/abs/my db.db' }],
    ['sqlite://', { kind: 'sqlite', file: ':memory:' }],
    ['sqlite:///:memory:', { kind: 'sqlite', file: ':memory:' }],
    ['mssql+pyodbc://u@h/db', { kind: 'unsupported', backend: 'mssql' }],
  ])('%s', (uri, expected) => {
    expect(parseStoreUri(uri, '/work/dir')).toEqual(expected);
  });

  it.each([
    [
      'postgresql://u:p%40ss%3Aw@db.example:6543/mlflow?sslmode=require&application_name=x',
      {
        kind: 'postgresql',
        user: 'u',
        password: 'p@ss:w',
        host: 'db.example',
        port: 6543,
        database: 'mlflow',
        options: { sslmode: 'require', application_name: 'x' },
      },
    ],
    [
      'postgresql+psycopg2://u@h/db',
      { kind: 'postgresql', driver: 'psycopg2', user: 'u', host: 'h', database: 'db', options: {} },
    ],
    ['postgres:///db', { kind: 'postgresql', host: 'localhost', database: 'db', options: {} }],
    [
      'mysql+pymysql://root:@127.0.0.1:3306/mlflow?charset=utf8mb4',
      {
        kind: 'mysql',
        driver: 'pymysql',
        user: 'root',
        password: '',
        host: '127.0.0.1',
        port: 3306,
        database: 'mlflow',
        options: { charset: 'utf8mb4' },
      },
    ],
    [
      'mysql+mysqldb://u@[::1]/m',
      { kind: 'mysql', driver: 'mysqldb', user: 'u', host: '::1', database: 'm', options: {} },
    ],
    ['mysql://u@h/db', { kind: 'mysql', user: 'u', host: 'h', database: 'db', options: {} }],
  ])('server URI %s', (uri, expected) => {
    expect(parseStoreUri(uri, '/work/dir')).toEqual(expected);
  });

  it.each([
    [
      'postgresql://u:secret@h',
      "Invalid postgresql URI 'postgresql://u:***@h': expected '…://user:password@host:port/database'.",
    ],
    ['mysql://u:secret@h:0/db', "Invalid mysql URI 'mysql://u:***@h:0/db': bad port '0'."],
    ['mysql://u:secret@h:/db', "Invalid mysql URI 'mysql://u:***@h:/db': bad port ''."],
  ])('rejects %s without echoing the password', (uri, message) => {
    expect(() => parseStoreUri(uri, '/work/dir')).toThrow(message);
  });

  it.each(['mlflow.db', 'oracle://h/db', 'sqlite://host/x.db'])('rejects %s', (uri) => {
    expect(() => parseStoreUri(uri, '/work/dir')).toThrow(/Invalid (database|SQLite) URI/);
  });
});
