import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { loadMnist } from '@snn/mnist/node';
import { initTraining } from '../../fit/init-training.js';
import type { WasmBackend } from '../wasm-access.js';
import { backendMemory, createTrainWasm, trainWasm } from '../wasm/train-wasm.js';
import { KernelThread, kernelThread, startKernelThread } from './kernel-thread.js';

let thread: KernelThread;

beforeAll(async () => {
  await initTraining({ threads: 2 });
  const backend = tf.backend() as unknown as WasmBackend;
  thread = kernelThread(backendMemory(backend)!, trainWasm(backend)!);
});

/**
 * conv0's filter gradient and the input and filter gradients of the keras-to-snn conv1 (3x3, 32 -> 64, stride 2, valid) on
 * the ReLU features of 40 MNIST test images, for an output gradient that is zero where a ReLU
 * would be off: the sparse paths, whose second half of images may go to the helper.
 */
function conv1Gradients(): Float32Array {
  return tf.tidy(() => {
    const images = tf.tensor4d(loadMnist('test', 40).images, [40, 28, 28, 1]);
    const w0 = tf.randomNormal([3, 3, 1, 32], 0, 0.5, 'float32', 1) as tf.Tensor4D;
    const x = tf.relu(tf.conv2d(images, w0, 1, 'valid'));
    // conv0's filter gradient (one input channel: the direct path) for a gradient that is x itself
    const [dw0] = tf.grads((w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(images, w as tf.Tensor4D, 1, 'valid'), x)))([w0]);
    const w1 = tf.randomNormal([3, 3, 32, 64], 0, 0.1, 'float32', 2) as tf.Tensor4D;
    const y = tf.conv2d(x, w1, 2, 'valid');
    const dy = tf.mul(tf.randomNormal(y.shape, 0, 1, 'float32', 3), tf.cast(tf.greater(y, 0), 'float32'));
    // d/dx and d/dw of sum(conv(x, w) * dy): conv2dBackpropInput(dy, w) and conv2dBackpropFilter(x, dy)
    const [dx, dw] = tf.grads((a: tf.Tensor, w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, 2, 'valid'), dy)))([x, w1]);
    return tf.concat([tf.reshape(dx, [-1]), tf.reshape(dw, [-1]), tf.reshape(dw0, [-1])]).dataSync() as Float32Array;
  });
}

describe('KernelThread: a helper thread for snn training kernels on tfjs memory', () => {
  it('starts with the threaded backend and computes half of the sparse input and filter gradients and of a direct filter gradient, with the same numbers as one thread', async () => {
    expect(await startKernelThread()).toBe(true);
    expect(thread.ready).toBe(true);
    thread.useHelper = false;
    const before = thread.helperTasks;
    const alone = conv1Gradients();
    expect(thread.helperTasks).toBe(before);
    thread.useHelper = true;
    expect(thread.ready).toBe(true);
    const shared = conv1Gradients();
    expect(thread.helperTasks).toBe(before + 3);
    expect(shared.some((v) => v !== 0)).toBe(true);
    expect(Buffer.from(shared.buffer).equals(Buffer.from(alone.buffer))).toBe(true);
  });

  it('has no helper on memory that is not shared (a single-threaded tfjs build): tasks run on the calling thread', async () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const local = new KernelThread(memory, createTrainWasm(memory)!);
    expect(await local.started).toBe(false);
    // a direct filter gradient of one 3x3 image, kernel 2x2, one output channel of 4: computed here when joined
    const f32 = new Float32Array(memory.buffer);
    f32.set([1, 2, 3, 4, 5, 6, 7, 8, 9], 0); // x at byte 0
    f32.fill(1, 16, 16 + 16); // dy (2x2x4 ones) at byte 64
    const g = { batch: 1, inH: 3, inW: 3, inC: 1, outH: 2, outW: 2, outC: 4, kH: 2, kW: 2, strideH: 1, strideW: 1, padTop: 0, padLeft: 0 };
    const join = local.fork('dwDirectImages', [0, 64, 256, 0, 1, 1, ...Object.values(g)]);
    expect(f32[64]).toBe(0); // not started yet: no helper
    join();
    expect(local.helperTasks).toBe(0);
    // dw[kh, kw, 0, co] = sum of the x values under that tap: 1+2+4+5, 2+3+5+6, 4+5+7+8, 5+6+8+9
    expect(Array.from(f32.subarray(64, 80))).toEqual([12, 12, 12, 12, 16, 16, 16, 16, 24, 24, 24, 24, 28, 28, 28, 28]);
  });

  it('a task that fails on the helper raises TRAIN_KERNEL_THREAD; later tasks run on the calling thread', () => {
    // pointers past the end of memory: the helper's WebAssembly traps on its one chunk
    thread.resetChunks();
    const join = thread.fork('dwSparseImages', [2 ** 31 - 64, 2 ** 31 - 64, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 4, 4, 4, 2, 2, 4, 1, 1, 1, 1, 0, 0]);
    expect(join).toThrow(expect.objectContaining({ code: 'TRAIN_KERNEL_THREAD' }));
    expect(thread.ready).toBe(false);
    const before = thread.helperTasks;
    const again = conv1Gradients();
    expect(thread.helperTasks).toBe(before);
    expect(again.some((v) => v !== 0)).toBe(true);
  });
});
