import { AvgPoolGrad } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import type { PoolGradAttrs } from './pool-geometry.js';
import { poolGeometry } from './pool-geometry.js';
import { asWasm, heapF32, zerosOutput } from './wasm-access.js';

/**
 * Average-pool gradient: each output's gradient is shared equally by the inputs its window
 * covers, padding excluded (the divisor the forward pass uses), so it is exact for 'same'
 * padding at the borders too.
 */
export const avgPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = asWasm(backend, AvgPoolGrad);
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const g = poolGeometry(input, attrs as unknown as PoolGradAttrs, AvgPoolGrad);
  const dx = zerosOutput(wasm, [...input.shape]);
  avgPoolBackprop(heapF32(wasm, dy), g, heapF32(wasm, dx));
  return dx;
};

/** Hot loop of {@link avgPoolGrad}: `dx` (zeroed) += shared `dy`. Allocation-free. */
export function avgPoolBackprop(dy: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { batch, inH, inW, inC: c, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padTop;
      const hs = Math.max(0, h0);
      const he = Math.min(inH, h0 + kH);
      for (let ow = 0; ow < outW; ow++) {
        const w0 = ow * strideW - padLeft;
        const ws = Math.max(0, w0);
        const we = Math.min(inW, w0 + kW);
        const share = 1 / ((he - hs) * (we - ws));
        const o = ((n * outH + oh) * outW + ow) * c;
        for (let ih = hs; ih < he; ih++) {
          for (let iw = ws; iw < we; iw++) {
            const i = ((n * inH + ih) * inW + iw) * c;
            for (let ch = 0; ch < c; ch++) dx[i + ch] += dy[o + ch] * share;
          }
        }
      }
    }
  }
}

/** Registration record for {@link avgPoolGrad}. */
export const avgPoolGradConfig: KernelConfig = { kernelName: AvgPoolGrad, backendName: 'wasm', kernelFunc: avgPoolGrad };
