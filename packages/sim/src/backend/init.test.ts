import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, wasmThreadsInUse } from './init.js';

describe('initBackend', () => {
  it('runs the threaded SIMD WebAssembly build with 2 threads in Node, and matMul stays exact', async () => {
    expect(await initBackend({ threads: 2 })).toBe('wasm');
    expect(wasmThreadsInUse()).toBe(2);
    const n = 96;
    const a = Float32Array.from({ length: n * n }, (_, i) => ((i * 7) % 13) - 6);
    const b = Float32Array.from({ length: n * n }, (_, i) => ((i * 5) % 11) - 5);
    const got = tf.tidy(() => tf.matMul(tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])).dataSync());
    let worst = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += a[i * n + k] * b[k * n + j];
        worst = Math.max(worst, Math.abs(got[i * n + j] - acc));
      }
    expect(worst).toBe(0); // small integers: every partial sum is exact in float32
  });

  it('leaves no referenced worker or message port behind (Node can exit)', async () => {
    await initBackend({ threads: 2 });
    const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
    const names = handles.map((h) => h.constructor.name);
    expect(names.filter((name) => name === 'MessagePort' || name === 'Worker')).toEqual([]);
  });

  it('is decided by the first call: later options do not re-initialize', async () => {
    expect(await initBackend({ threads: 1 })).toBe('wasm');
    expect(wasmThreadsInUse()).toBe(2);
  });

  it('rejects an invalid thread count with a typed error', async () => {
    vi.resetModules();
    const fresh = await import('./init.js');
    await expect(fresh.initBackend({ threads: 0 })).rejects.toMatchObject({ code: 'BACKEND_THREADS_INVALID' });
    await expect(fresh.initBackend({ threads: 2.5 })).rejects.toMatchObject({ code: 'BACKEND_THREADS_INVALID' });
  });
});
