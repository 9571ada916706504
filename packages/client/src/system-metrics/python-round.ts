// Python's round(x, 1): correctly rounded from the exact binary value, exact ties to even, as MLflow's averages are.

/**
 * Rounds to one decimal the way Python's `round(x, 1)` does (so 0.25 → 0.2 and 0.35 → 0.3, where
 * `Math.round(x * 10) / 10` gives 0.3 and 0.4).
 *
 * @example
 * pyRound1(12.25); // 12.2
 * pyRound1(12.26); // 12.3
 */
export function pyRound1(x: number): number {
  if (!Number.isFinite(x)) return x;
  // A double lies exactly halfway between two tenths only when it is an odd number of quarters.
  const quarters = x * 4;
  if (Number.isInteger(quarters) && quarters % 2 !== 0) {
    const down = Math.floor(x * 10);
    return (down % 2 === 0 ? down : down + 1) / 10;
  }
  // toFixed rounds the exact decimal expansion of the double, which is what Python does off ties.
  return Number(x.toFixed(1));
}

/**
 * The mean of the samples, rounded like MLflow's monitors do.
 *
 * @example
 * roundedMean([25, 37.5]); // 31.2 (31.25 is an exact tie: to even)
 */
export function roundedMean(values: readonly number[]): number {
  return pyRound1(values.reduce((a, b) => a + b, 0) / values.length);
}
