// Pool sizing from MLflow's environment variables.
import { describe, expect, it } from 'vitest';
import { poolSettings } from './pool-settings.js';

describe('poolSettings', () => {
  it("defaults to SQLAlchemy's 5 + 10 overflow", () => {
    expect(poolSettings({})).toEqual({ max: 15, idleTimeoutMillis: 30_000 });
  });
  it('follows MLFLOW_SQLALCHEMYSTORE_* and ignores junk', () => {
    expect(
      poolSettings({
        MLFLOW_SQLALCHEMYSTORE_POOL_SIZE: '20',
        MLFLOW_SQLALCHEMYSTORE_MAX_OVERFLOW: '0',
        MLFLOW_SQLALCHEMYSTORE_POOL_RECYCLE: '300',
      }),
    ).toEqual({ max: 20, idleTimeoutMillis: 300_000 });
    expect(poolSettings({ MLFLOW_SQLALCHEMYSTORE_POOL_SIZE: 'x' }).max).toBe(15);
  });
});
