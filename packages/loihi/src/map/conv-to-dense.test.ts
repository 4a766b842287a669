import { describe, expect, it } from 'vitest';
import { param, type ConvNode } from '@snn/ir';
import { convToDense } from './conv-to-dense.js';

const conv = (padding: ConvNode['padding'], strides: number[]): ConvNode => ({
  kind: 'conv',
  id: 'c',
  // kernel (kh 2, kw 2, cIn 1, cOut 1) = [[1, 2], [3, 4]]
  kernel: param(Float32Array.of(1, 2, 3, 4), [2, 2, 1, 1]),
  strides,
  padding,
});

/** x (3x3, one channel) times the dense matrix. */
function apply(w: Float64Array, x: number[], nOut: number): number[] {
  return Array.from({ length: nOut }, (_, j) => x.reduce((acc, xi, i) => acc + xi * w[i * nOut + j]!, 0));
}

describe('convToDense', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  it('valid, stride 1: the dense product equals the cross-correlation', () => {
    // out[0,0] = 1*1 + 2*2 + 3*4 + 4*5 = 37; [0,1] = 2+6+15+24 = 47; [1,0] = 4+10+21+32 = 67; [1,1] = 77
    expect(apply(convToDense(conv('valid', [1, 1]), [3, 3, 1], [2, 2, 1]), x, 4)).toEqual([37, 47, 67, 77]);
  });
  it("same, stride 2: TensorFlow's padding (extra row and column after)", () => {
    // padding [0, 1]: windows at rows/cols 0 and 2, cut by the padded bottom/right edge:
    // (0,1) = 1*x[0,2] + 3*x[1,2] = 21, (1,0) = 1*x[2,0] + 2*x[2,1] = 23, (1,1) = 1*x[2,2] = 9
    expect(apply(convToDense(conv('same', [2, 2]), [3, 3, 1], [2, 2, 1]), x, 4)).toEqual([37, 21, 23, 9]);
  });
});
