import type { TrainWasm } from '../wasm/train-wasm.js';
import { convFirstGradImages } from './conv-first-grad-images.js';
import { convSparseImages } from './conv-sparse-images.js';
import { dwDirectImages } from './dw-direct-images.js';
import { dwSparseImages } from './dw-sparse-images.js';
import { dwSparseXImages } from './dw-sparse-x-images.js';
import { dxSparseImages } from './dx-sparse-images.js';

/** Work a kernel can hand to the helper thread: the kernels, their memory and numeric arguments. */
export type KernelTask = (simd: TrainWasm, memory: WebAssembly.Memory, args: ArrayLike<number>) => void;

/** The tasks, by name; a task's index in this list is what crosses to the helper. */
export const kernelTasks = { dwDirectImages, dwSparseImages, dxSparseImages, convSparseImages, dwSparseXImages, convFirstGradImages } satisfies Record<string, KernelTask>;

/** A task's name. */
export type KernelTaskName = keyof typeof kernelTasks;

/** Task names in index order. */
export const kernelTaskNames = Object.keys(kernelTasks) as KernelTaskName[];
