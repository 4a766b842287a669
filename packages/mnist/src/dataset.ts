import { SnnError } from '@snn/ir';
import { readIdx } from './idx.js';

/** MNIST images and labels: `images` is (n, 28, 28) scaled to [0, 1] (pixel / 255). */
export interface MnistSet {
  readonly images: Float32Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** Pixels per image (784). */
  readonly imageSize: number;
}

/** Build a data set from the bytes of an images IDX file and a labels IDX file. */
export function mnistFromIdx(imageBytes: Uint8Array, labelBytes: Uint8Array, limit = Infinity): MnistSet {
  const images = readIdx(imageBytes, 'MNIST images');
  const labels = readIdx(labelBytes, 'MNIST labels');
  if (images.dims.length !== 3 || labels.dims.length !== 1 || images.dims[0] !== labels.dims[0])
    throw new SnnError('DATA_FORMAT', `MNIST images ${JSON.stringify(images.dims)} and labels ${JSON.stringify(labels.dims)} do not match`);
  const count = Math.min(images.dims[0], Math.max(0, Math.floor(limit)));
  const imageSize = images.dims[1] * images.dims[2];
  const out = new Float32Array(count * imageSize);
  for (let i = 0; i < out.length; i++) out[i] = images.data[i] / 255;
  return { images: out, labels: labels.data.slice(0, count), count, imageSize };
}
