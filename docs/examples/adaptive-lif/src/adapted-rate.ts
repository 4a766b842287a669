import { LIFRate, resolveParams } from '@snn/neurons';
import { AdaptiveLIF } from './adaptive-lif.js';

/**
 * The steady-state output (Hz times amplitude) of an AdaptiveLIF neuron driven by constant
 * current `J`: the fixed point `r = LIFRate(J - incN * r)`, where `incN * r` is the mean of
 * the adaptation state when the neuron fires at output `r` (`tau_n dn/dt = incN * output - n`
 * averaged). Found by bisection; exact up to the ripple of `n` between spikes.
 */
export function adaptedRate(J: number, params: Readonly<Record<string, number>> = {}): number {
  const p = resolveParams(AdaptiveLIF, params, 'adaptedRate');
  const x = new Float32Array(1);
  const y = new Float32Array(1);
  const rate = (current: number): number => {
    x[0] = current;
    LIFRate.rates(x, y, p);
    return y[0];
  };
  let lo = 0;
  let hi = rate(J);
  for (let i = 0; i < 60 && hi - lo > 1e-9 * (1 + hi); i++) {
    const mid = (lo + hi) / 2;
    if (rate(J - p.incN * mid) > mid) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
