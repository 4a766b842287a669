import { createRng, SnnError } from '@snn/ir';

/**
 * Data augmentation for image classifiers: every image (`height` x `width`, one channel, row
 * major) moved by a random whole-pixel offset of at most `maxShift` in each direction, the
 * uncovered border filled with 0. Offsets come from `seed`, so equal seeds give equal sets.
 * Returns a new array; `images` is not modified.
 */
export function shiftImages(images: Float32Array, height: number, width: number, maxShift: number, seed: number): Float32Array {
  const size = height * width;
  if (!Number.isInteger(maxShift) || maxShift < 0) throw new SnnError('DATA_FORMAT', `shiftImages: maxShift is ${maxShift}; give a whole number of pixels >= 0`);
  if (size === 0 || images.length % size !== 0) throw new SnnError('DATA_FORMAT', `shiftImages: ${images.length} values are not whole ${height}x${width} images`);
  const rng = createRng(seed);
  const out = new Float32Array(images.length);
  for (let n = 0; n < images.length / size; n++) {
    const dy = rng.int(2 * maxShift + 1) - maxShift;
    const dx = rng.int(2 * maxShift + 1) - maxShift;
    const base = n * size;
    for (let y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
      const from = base + (y - dy) * width;
      const to = base + y * width;
      for (let x = Math.max(0, dx); x < Math.min(width, width + dx); x++) out[to + x] = images[from + x - dx];
    }
  }
  return out;
}
