export { readIdx, type IdxArray } from './idx.js';
export { mnistFromIdx, type MnistSet } from './dataset.js';
export { mnistInput, fitsMnist, type MnistInput } from './mnist-input.js';
export { shiftImages } from './shift-images.js';
