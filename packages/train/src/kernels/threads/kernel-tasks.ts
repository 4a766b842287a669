import type { TrainWasm } from '../wasm/train-wasm.js';
import { convFirstGradImages } from './conv-first-grad-images.js';
import { convFirstImages } from './conv-first-images.js';
import { convSparseImages } from './conv-sparse-images.js';
import { dwDirectImages } from './dw-direct-images.js';
import { dwSparseImages } from './dw-sparse-images.js';
import { dwSparseXImages } from './dw-sparse-x-images.js';
import { dwXColumnsImages } from './dw-x-columns-images.js';
import { dxFirstGradImages } from './dx-first-grad-images.js';
import { dxSparseImages } from './dx-sparse-images.js';
import { mmNnNarrowRows, mmNtNarrowRows } from './mm-narrow-rows.js';
import { mmTnColumns } from './mm-tn-columns.js';
import { reluGradRange } from './relu-grad-range.js';

/**
 * Hands out the chunks of one kernel call's work, shared by the threads that run it: each call
 * returns the index of a chunk no thread has taken yet (or one past the last, when none is left).
 */
export type NextChunk = () => number;

/**
 * Work a kernel can hand to the helper thread: the kernels, their memory, numeric arguments and
 * the call's chunk source (tasks split into chunks take them from it until none is left; the
 * others do the part their arguments give).
 */
export type KernelTask = (simd: TrainWasm, memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk) => void;

/** The tasks, by name; a task's index in this list is what crosses to the helper. */
export const kernelTasks = { dwDirectImages, dwSparseImages, dxSparseImages, convSparseImages, dwSparseXImages, dwXColumnsImages, convFirstGradImages, convFirstImages, mmTnColumns, mmNnNarrowRows, mmNtNarrowRows, reluGradRange, dxFirstGradImages } satisfies Record<string, KernelTask>;

/** A task's name. */
export type KernelTaskName = keyof typeof kernelTasks;

/** Task names in index order. */
export const kernelTaskNames = Object.keys(kernelTasks) as KernelTaskName[];
