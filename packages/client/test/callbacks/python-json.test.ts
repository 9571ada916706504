// Checkpoint metrics JSON is byte-identical to Python's json.dump(indent=2) of MLflow's metrics dict.
import { execFileSync, spawnSync } from 'node:child_process';
import { pyJsonFloat } from '@mlflow-ts/protocol';
import { describe, expect, it } from 'vitest';
import { checkpointMetricsJson } from '../../src/callbacks/python-json.js';

const FLOATS = [
  1,
  0.5,
  1e-5,
  0.0001,
  0.00012345,
  2.5e16,
  1e16,
  9999999999999998,
  123456789.125,
  -0,
  0,
  -3.5,
  1e-7,
  5e-324,
  1.7976931348623157e308,
  0.1 + 0.2,
  100,
  1234.5678,
  NaN,
  Infinity,
  -Infinity,
  -1e-5,
];

/** Python's own output for the same values (floats passed as repr-safe strings). */
function python(code: string): string {
  return execFileSync('python3', ['-c', code]).toString();
}

/** Python is the reference here; without it the comparison cannot run (loud locally, fatal in CI). */
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) {
  if (process.env.CI === 'true') throw new Error('python3 is needed for the comparison with Python');
  console.warn('SKIPPING the comparison with Python: python3 not found');
}

describe.runIf(hasPython)('Python float formatting', () => {
  it('matches json.dumps(float) for a spread of values', () => {
    const text = (x: number): string => (Object.is(x, -0) ? '-0.0' : String(x));
    const args = FLOATS.map((x) => `float(${JSON.stringify(text(x))})`);
    const expected = python(`import json\nfor v in [${args.join(', ')}]: print(json.dumps(v))`)
      .trim()
      .split('\n');
    expect(FLOATS.map(pyJsonFloat)).toEqual(expected);
    expect(pyJsonFloat(-0)).toBe('-0.0');
  });

  it('checkpoint metrics: floats, then integer epoch and global_step replacing or appended', () => {
    const metrics = { loss: 1, epoch: 99, val_ø: 1e-5, bad: NaN };
    const code =
      'import json,sys\n' +
      'd={"loss": 1.0, "epoch": 99.0, "val_\\u00f8": 1e-05, "bad": float("nan")}\n' +
      'json.dump({**d, "epoch": 3, "global_step": 12}, sys.stdout, indent=2, default=str)';
    expect(checkpointMetricsJson(metrics, 3, 12)).toBe(python(code));
    expect(checkpointMetricsJson({}, 0, 0)).toBe(
      python('import json,sys\njson.dump({"epoch": 0, "global_step": 0}, sys.stdout, indent=2)'),
    );
  });
});
