// Settings precedence and parsing (MLflow's env-over-argument rule and conversion messages), and Python rounding.
import { describe, expect, it } from 'vitest';
import {
  pyRound1,
  resolveMonitorSettings,
  roundedMean,
  systemMetricsEnabledByEnv,
} from '../../src/system-metrics/index.js';

describe('resolveMonitorSettings', () => {
  it('defaults: 10 s, 1 sample, no node id', () => {
    expect(resolveMonitorSettings({}, {})).toEqual({
      samplingIntervalSeconds: 10,
      samplesBeforeLogging: 1,
      nodeId: null,
    });
  });

  it('options apply when the variables are unset', () => {
    expect(
      resolveMonitorSettings({ samplingInterval: 0.5, samplesBeforeLogging: 4, nodeId: 'n1' }, {}),
    ).toEqual({
      samplingIntervalSeconds: 0.5,
      samplesBeforeLogging: 4,
      nodeId: 'n1',
    });
  });

  it('set variables win over options', () => {
    const env = {
      MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: ' 2.5 ',
      MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: '3',
      MLFLOW_SYSTEM_METRICS_NODE_ID: 'gpu-node',
    };
    expect(
      resolveMonitorSettings({ samplingInterval: 1, samplesBeforeLogging: 9, nodeId: 'x' }, env),
    ).toEqual({
      samplingIntervalSeconds: 2.5,
      samplesBeforeLogging: 3,
      nodeId: 'gpu-node',
    });
  });

  it('zero or empty variables fall back to the options (MLflow reads `env or argument`)', () => {
    const env = {
      MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: '0',
      MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: '0',
      MLFLOW_SYSTEM_METRICS_NODE_ID: '',
    };
    expect(
      resolveMonitorSettings({ samplingInterval: 7, samplesBeforeLogging: 2, nodeId: 'a' }, env),
    ).toEqual({
      samplingIntervalSeconds: 7,
      samplesBeforeLogging: 2,
      nodeId: 'a',
    });
  });

  it('Python float forms are accepted', () => {
    for (const [raw, value] of [
      ['1e-1', 0.1],
      ['.5', 0.5],
      ['1_0', 10],
      ['inf', Infinity],
    ] as const) {
      expect(
        resolveMonitorSettings({}, { MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: raw }).samplingIntervalSeconds,
      ).toBe(value);
    }
  });

  it('unparsable variables fail with MLflow conversion messages', () => {
    expect(() => resolveMonitorSettings({}, { MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: 'fast' })).toThrow(
      "Failed to convert 'fast' for MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: could not convert string to float: 'fast'",
    );
    expect(() => resolveMonitorSettings({}, { MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: '1.5' })).toThrow(
      "Failed to convert '1.5' for MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: invalid literal for int() with base 10: '1.5'",
    );
  });

  it('negative values are refused (MLflow would spin)', () => {
    expect(() => resolveMonitorSettings({}, { MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: '-1' })).toThrow(
      'The system metrics sampling interval must be positive, got -1',
    );
    expect(() => resolveMonitorSettings({}, { MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING: '-2' })).toThrow(
      'The number of system metrics samples before logging must be a positive integer, got -2',
    );
    expect(() => resolveMonitorSettings({ samplesBeforeLogging: 1.5 }, {})).toThrow(
      /positive integer, got 1.5/,
    );
  });
});

describe('systemMetricsEnabledByEnv', () => {
  it.each([
    [undefined, false],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('%s → %s', (raw, expected) => {
    expect(
      systemMetricsEnabledByEnv(raw === undefined ? {} : { MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING: raw }),
    ).toBe(expected);
  });

  it('other values fail with MLflow message', () => {
    expect(() => systemMetricsEnabledByEnv({ MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING: 'yes' })).toThrow(
      "MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING value must be one of ['true', 'false', '1', '0'] (case-insensitive), but got yes",
    );
  });
});

describe('Python rounding', () => {
  // Expected values printed by CPython's round(x, 1).
  it.each([
    [0.25, 0.2],
    [0.35, 0.3],
    [0.75, 0.8],
    [1.25, 1.2],
    [-0.25, -0.2],
    [-0.75, -0.8],
    [12.26, 12.3],
    [99.95, 100],
    [0.05, 0.1],
    [33.333333, 33.3],
  ])('round(%s, 1) = %s', (x, expected) => {
    expect(pyRound1(x)).toBe(expected);
  });

  it('roundedMean', () => {
    expect(roundedMean([10, 20, 30.5])).toBe(20.2);
  });
});
