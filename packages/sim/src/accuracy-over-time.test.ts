import { describe, expect, it } from 'vitest';
import { accuracyOverTime } from './accuracy-over-time.js';

describe('accuracyOverTime', () => {
  // 2 samples x 3 steps x 2 classes; labels 0 and 1
  const outputs = Float32Array.of(
    0, 5, /**/ 3, 0, /**/ 3, 0, // sample 0: sums (0,5) (3,5) (6,5)
    1, 0, /**/ 0, 2, /**/ 0, 1, // sample 1: sums (1,0) (1,2) (1,3)
  );
  it('mean readout: argmax of the running sum', () => {
    expect([...accuracyOverTime(outputs, [0, 1], 3, 2, 'mean')]).toEqual([0, 0.5, 1]);
  });
  it('last readout: argmax of each step', () => {
    expect([...accuracyOverTime(outputs, [0, 1], 3, 2, 'last')]).toEqual([0, 1, 1]);
  });
  it('rejects outputs of the wrong size', () => {
    expect(() => accuracyOverTime(outputs, [0, 1], 4, 2, 'mean')).toThrow(/keep: 'all'/);
  });
});
