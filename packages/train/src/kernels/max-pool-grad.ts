import { MaxPoolGrad } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import type { PoolGradAttrs } from './pool-geometry.js';
import { poolGeometry } from './pool-geometry.js';
import { asWasm, heapF32, zerosOutput } from './wasm-access.js';

/**
 * Max-pool gradient: each output's gradient goes to the first largest input of its window
 * (row-major scan, padding excluded), as tfjs's CPU backend does. Replaces tfjs-wasm's kernel,
 * which routes it wrongly when every value in a window is negative.
 */
export const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, MaxPoolGrad);
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const g = poolGeometry(input, attrs as unknown as PoolGradAttrs, MaxPoolGrad);
  const dx = zerosOutput(wasm, [...input.shape]);
  maxPoolBackprop(heapF32(wasm, input), heapF32(wasm, dy), g, heapF32(wasm, dx));
  return dx;
};

/** Hot loop of {@link maxPoolGrad}: `dx` (zeroed) += routed `dy`. Allocation-free. */
export function maxPoolBackprop(x: Float32Array, dy: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { batch, inH, inW, inC: c, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  let o = 0;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padTop;
      const hs = Math.max(0, h0);
      const he = Math.min(inH, h0 + kH);
      for (let ow = 0; ow < outW; ow++) {
        const w0 = ow * strideW - padLeft;
        const ws = Math.max(0, w0);
        const we = Math.min(inW, w0 + kW);
        for (let ch = 0; ch < c; ch++, o++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let ih = hs; ih < he; ih++) {
            for (let iw = ws; iw < we; iw++) {
              const i = ((n * inH + ih) * inW + iw) * c + ch;
              if (x[i] > best) {
                best = x[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += dy[o];
        }
      }
    }
  }
}

/** Registration record for {@link maxPoolGrad}. */
export const maxPoolGradConfig: KernelConfig = { kernelName: MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };
