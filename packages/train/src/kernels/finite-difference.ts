/**
 * Central-difference gradient of a scalar function of many float64 inputs:
 * `g[i] = (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)`. Evaluates `f` 2 * x.length times and
 * restores `x` before returning. Use it with a float64 reference implementation to check
 * analytic (float32) gradients: exact for functions that are linear in each input.
 */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, eps = 1e-4): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const keep = x[i];
    x[i] = keep + eps;
    const up = f(x);
    x[i] = keep - eps;
    const down = f(x);
    x[i] = keep;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

/** Largest |a - b| / (atol + |b|) over the elements (how far `a` is from the reference `b`). */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, atol = 1e-3): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (atol + Math.abs(b[i])));
  return worst;
}
