export { readIdx, type IdxArray } from './idx.js';
export { mnistFromIdx, type MnistSet } from './dataset.js';
