// Run with `npx vitest bench src/kernels/qcfs.bench.ts` (not part of `vitest run`): QCFS's
// training kernels on the keras-to-snn network's activations of one batch of 200 images
// (6.17 M currents), the JS loops against the SIMD ones. Measured 2026-12-07 under load
// ~5 (means): JS 71 ms forward and 67 ms backward, SIMD 11 ms and 22 ms.
import { createRng } from '@snn/ir';
import { QCFS } from '@snn/neurons';
import { bench, describe } from 'vitest';
import { qcfsBackward } from './qcfs.js';
import { createTrainWasm } from './wasm/train-wasm.js';

const n = 200 * (26 * 26 * 32 + 12 * 12 * 64);
const memory = new WebAssembly.Memory({ initial: Math.ceil((16 * n + 64) / 65536) });
const simd = createTrainWasm(memory)!;
const at = (k: number): number => 16 + 4 * k * n;
const view = (k: number): Float32Array => new Float32Array(memory.buffer, at(k), n);
const rng = createRng(1);
const [J, out, dy, dJ] = [view(0), view(1), view(2), view(3)];
rng.fillUniform(J, -2, 4);
rng.fillUniform(dy, -0.5, 0.5);
const p = { levels: 8, threshold: 2.5, amplitude: 1 };

describe('QCFS training kernels, 6.17 M currents', () => {
  bench('JS forward (QCFS.rates)', () => QCFS.rates(J, out, p));
  bench('SIMD forward', () => simd.qcfs(at(0), at(1), n, p.levels, p.threshold, p.amplitude));
  bench('JS backward (qcfsBackward)', () => void qcfsBackward(dy, J, dJ, p));
  bench('SIMD backward', () => void simd.qcfsGrad(at(2), at(0), at(3), n, p.levels, p.threshold, p.amplitude));
});
