// Exponential moving average with start-up bias correction, the smoothing MLflow's run charts offer.
/**
 * Smooths `values` with weight `weight` in [0, 1): 0 leaves them as they are. Each output is the
 * running average divided by (1 - weight^n), n being the finite points seen so far, so the first
 * points are not pulled towards zero. Gaps (null, NaN, ±Infinity) stay gaps and do not move the
 * average, so one NaN does not poison the rest of the line.
 *
 * @example
 * smoothEma([1, 1, 10, 1], 0.5) // [1, 1, 6.14…, 3.4]
 */
export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  let average = 0;
  let seen = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    average = average * w + (1 - w) * v;
    seen += 1;
    return average / (1 - w ** seen);
  });
}
