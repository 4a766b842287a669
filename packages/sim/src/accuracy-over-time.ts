import { SnnError } from '@snn/ir';

/** How a classifier's output over time becomes one prediction: the last step, or the mean of all steps so far. */
export type Readout = 'last' | 'mean';

/**
 * Classification accuracy after every step `T = 1..nSteps` from one run: `outputs` is a
 * probe that kept every step, shaped (samples, nSteps, classes). With `mean` the prediction
 * at T is the argmax of the output summed over steps 1..T (the same argmax as the mean or
 * the sum over time); with `last`, of step T alone. Because a run is causal, its first T
 * steps are exactly a T-step run, so this gives the whole accuracy-vs-steps curve at the
 * cost of the longest run. Returns accuracies (0..1), index T - 1.
 */
export function accuracyOverTime(outputs: Float32Array, labels: ArrayLike<number>, nSteps: number, classes: number, readout: Readout): Float64Array {
  const samples = labels.length;
  if (outputs.length !== samples * nSteps * classes) {
    throw new SnnError('SIM_BAD_ARGUMENT', `accuracyOverTime: ${outputs.length} output values are not ${samples} samples x ${nSteps} steps x ${classes} classes; probe the output with keep: 'all'`);
  }
  const correct = new Float64Array(nSteps);
  const sums = new Float64Array(classes);
  for (let s = 0; s < samples; s++) {
    sums.fill(0);
    for (let t = 0; t < nSteps; t++) {
      const row = (s * nSteps + t) * classes;
      let best = 0;
      for (let j = 0; j < classes; j++) {
        const v = readout === 'mean' ? (sums[j] += outputs[row + j]) : outputs[row + j];
        const top = readout === 'mean' ? sums[best] : outputs[row + best];
        if (v > top) best = j;
      }
      if (best === labels[s]) correct[t]++;
    }
  }
  for (let t = 0; t < nSteps; t++) correct[t] /= Math.max(samples, 1);
  return correct;
}
