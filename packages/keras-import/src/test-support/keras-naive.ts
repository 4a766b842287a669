// Test-only: direct implementations of Keras layer maths in Keras' own axis order
// (channels_first or channels_last), written independently of the IR and its kernels.

/** A tensor in Keras order: shape without batch, values in C order. */
export interface KTensor {
  readonly shape: number[];
  readonly data: number[];
}

const at = (shape: number[], idx: number[]): number => idx.reduce((flat, v, a) => flat * shape[a] + v, 0);

/** Keras Conv2D (TensorFlow cross-correlation), kernel (kh, kw, cIn, cOut), 'valid' or 'same'. */
export function conv2d(x: KTensor, kernel: Float32Array, kshape: number[], bias: ArrayLike<number>, strides: number[], padding: 'valid' | 'same', df: 'channels_first' | 'channels_last'): KTensor {
  const [kh, kw, cIn, cOut] = kshape;
  const [H, W] = df === 'channels_first' ? x.shape.slice(1) : x.shape.slice(0, 2);
  const get = (y: number, xx: number, c: number): number => (y < 0 || y >= H || xx < 0 || xx >= W ? 0 : x.data[df === 'channels_first' ? at(x.shape, [c, y, xx]) : at(x.shape, [y, xx, c])]);
  const oh = padding === 'valid' ? Math.ceil((H - kh + 1) / strides[0]) : Math.ceil(H / strides[0]);
  const ow = padding === 'valid' ? Math.ceil((W - kw + 1) / strides[1]) : Math.ceil(W / strides[1]);
  const ph = padding === 'same' ? Math.floor(Math.max((oh - 1) * strides[0] + kh - H, 0) / 2) : 0;
  const pw = padding === 'same' ? Math.floor(Math.max((ow - 1) * strides[1] + kw - W, 0) / 2) : 0;
  const shape = df === 'channels_first' ? [cOut, oh, ow] : [oh, ow, cOut];
  const data = new Array<number>(oh * ow * cOut).fill(0);
  for (let o = 0; o < cOut; o++)
    for (let y = 0; y < oh; y++)
      for (let xx = 0; xx < ow; xx++) {
        let s = bias[o];
        for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) for (let c = 0; c < cIn; c++) s += get(y * strides[0] + i - ph, xx * strides[1] + j - pw, c) * kernel[((i * kw + j) * cIn + c) * cOut + o];
        data[df === 'channels_first' ? at(shape, [o, y, xx]) : at(shape, [y, xx, o])] = s;
      }
  return { shape, data };
}

/** Keras Conv1D on (steps, channels), kernel (k, cIn, cOut); padding valid, same or causal. */
export function conv1d(x: KTensor, kernel: Float32Array, kshape: number[], bias: ArrayLike<number>, stride: number, padding: 'valid' | 'same' | 'causal'): KTensor {
  const [k, cIn, cOut] = kshape;
  const L = x.shape[0];
  const out = padding === 'valid' ? Math.ceil((L - k + 1) / stride) : Math.ceil(L / stride);
  const before = padding === 'causal' ? k - 1 : padding === 'same' ? Math.floor(Math.max((out - 1) * stride + k - L, 0) / 2) : 0;
  const data: number[] = [];
  for (let t = 0; t < out; t++)
    for (let o = 0; o < cOut; o++) {
      let s = bias[o];
      for (let i = 0; i < k; i++) {
        const p = t * stride + i - before;
        if (p < 0 || p >= L) continue;
        for (let c = 0; c < cIn; c++) s += x.data[p * cIn + c] * kernel[(i * cIn + c) * cOut + o];
      }
      data.push(s);
    }
  return { shape: [out, cOut], data };
}

/** Keras Dense on a vector: kernel (in, out). */
export function dense(x: number[], kernel: Float32Array, bias: ArrayLike<number>, nOut: number): number[] {
  return Array.from({ length: nOut }, (_, o) => x.reduce((s, v, i) => s + v * kernel[i * nOut + o], bias[o]));
}

/** Element-wise map. */
export function map(x: KTensor, f: (v: number) => number): KTensor {
  return { shape: x.shape, data: x.data.map(f) };
}

/** (C, H, W) → (H, W, C). */
export function toChannelsLast(x: KTensor): KTensor {
  const [C, H, W] = x.shape;
  const data: number[] = [];
  for (let y = 0; y < H; y++) for (let xx = 0; xx < W; xx++) for (let c = 0; c < C; c++) data.push(x.data[at(x.shape, [c, y, xx])]);
  return { shape: [H, W, C], data };
}
