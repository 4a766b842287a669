import { describe, expect, it } from 'vitest';
import { GraphBuilder, param } from '@snn/ir';
import { evaluateClassifier } from './evaluate-classifier.js';

/** input (2) -> dense (identity) -> output: class k wins when input k is larger. */
function identityClassifier() {
  const b = new GraphBuilder();
  const x = b.input('x', [2]);
  b.output(b.dense(x, { id: 'd', weights: param(Float32Array.of(1, 0, 0, 1), [2, 2]) }), 'out');
  return b.build();
}

describe('evaluateClassifier outputSynapse', () => {
  it('filters the output probe: a lowpass delays the output one step (Nengo), so step 1 reads zeros and later steps the filtered value', async () => {
    const samples = Float32Array.of(0, 1, 0, 2, 0, 3);
    const labels = Uint8Array.of(1, 1, 1);
    const settings = { mode: 'spiking' as const, steps: 3, classes: 2, curve: true, workers: 1 };
    const plain = await evaluateClassifier(identityClassifier(), samples, labels, settings);
    expect(Array.from(plain.accuracyByStep!)).toEqual([1, 1, 1]);
    const filtered = await evaluateClassifier(identityClassifier(), samples, labels, { ...settings, outputSynapse: { type: 'lowpass', params: { tau: 0.1 } } });
    // all-zero output at step 1: argmax picks class 0, every label is 1
    expect(Array.from(filtered.accuracyByStep!)).toEqual([0, 1, 1]);
    expect(filtered.accuracy).toBe(1);
  });
});
