/**
 * `J[i] = gain[i % size] * x[i] + bias[i % size]` over a batch of `n / size` samples.
 * Allocation-free.
 */
export function applyGainBias(
  x: Float32Array,
  gain: Float32Array,
  bias: Float32Array,
  size: number,
  n: number,
  J: Float32Array,
): void {
  for (let base = 0; base < n; base += size) {
    for (let i = 0; i < size; i++) J[base + i] = gain[i] * x[base + i] + bias[i];
  }
}
