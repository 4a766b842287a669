import type { NeuronParams } from '@snn/neurons';
import { discretizeTauRc, discretizeTauRef } from './discretize-tau.js';

// The smooth curve NengoDL trains LoihiLIF through (nengo-extras `LoihiLIFBuilder.training_step`):
// the LIF rate with the discretized time constants and `tauRef1 = tauRef' + dt / 2`, which runs
// through the middle of the Loihi staircase rather than above it. With `sigma > 0`
// (NengoDL's `lif_smoothing`) `j` is replaced by `z = sigma * softplus(j / sigma)` (SoftLIF).

/** Constants of the smooth LoihiLIF curve for one population. */
interface SmoothLif {
  readonly rc: number;
  readonly ref1: number;
  readonly amplitude: number;
  readonly sigma: number;
}

function smoothLif(p: NeuronParams): SmoothLif {
  const rc = discretizeTauRc(p.tauRc, p.dt);
  return { rc, ref1: discretizeTauRef(p.tauRef, p.dt) + 0.5 * p.dt, amplitude: p.amplitude, sigma: p.lifSmoothing };
}

/** `q = log1p(1 / z)` of the smoothed current (`-js - log(sigma)` far below threshold, as NengoDL). */
function smoothQ(j: number, sigma: number): number {
  if (sigma <= 0) return j > 0 ? Math.log1p(1 / j) : Infinity;
  const js = j / sigma;
  if (js <= -20) return -js - Math.log(sigma);
  return Math.log1p(1 / (sigma * softplus(js)));
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The smooth LoihiLIF training curve: `amplitude / (tauRef' + dt/2 + tauRc' * log1p(1 / j))`
 * for `j = J - 1 > 0`, else 0 (`lifSmoothing` 0), or its SoftLIF form with `sigma = lifSmoothing`.
 * Takes LoihiLIF's params (`tauRc`, `tauRef`, `amplitude`, `dt`, `lifSmoothing`). J = 2 -> 61.189, J = 10 -> 217.196 (dt 1 ms, defaults).
 */
export function loihiLifSmoothRate(J: Float32Array, out: Float32Array, p: NeuronParams): void {
  const { rc, ref1, amplitude, sigma } = smoothLif(p);
  for (let i = 0, n = J.length; i < n; i++) {
    const q = smoothQ(J[i] - 1, sigma);
    out[i] = q === Infinity ? 0 : amplitude / (ref1 + rc * q);
  }
}

/**
 * d(loihiLifSmoothRate)/dJ: `amplitude * tauRc' * (-dq/dJ) / den^2` with
 * `den = tauRef1 + tauRc' * q`; `-dq/dJ = 1 / (z (z + 1))` times `sigmoid(j / sigma)` when
 * smoothed, `1 / sigma` far below threshold, and 0 for `j <= 0` without smoothing.
 */
export function loihiLifSmoothRateDerivative(J: Float32Array, out: Float32Array, p: NeuronParams): void {
  const { rc, ref1, amplitude, sigma } = smoothLif(p);
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i] - 1;
    const q = smoothQ(j, sigma);
    if (q === Infinity) {
      out[i] = 0;
      continue;
    }
    let dq: number; // -dq/dJ
    if (sigma <= 0) dq = 1 / (j * (j + 1));
    else if (j / sigma <= -20) dq = 1 / sigma;
    else {
      const z = sigma * softplus(j / sigma);
      dq = 1 / (z * (z + 1) * (1 + Math.exp(-j / sigma)));
    }
    const den = ref1 + rc * q;
    out[i] = (amplitude * rc * dq) / (den * den);
  }
}
