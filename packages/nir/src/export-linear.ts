import { samePadding, type GraphNode, type Padding, type Shape } from '@snn/ir';
import { nirError } from './error-codes.js';
import { f32, i64 } from './hdf5-tree.js';
import { channelsFirstOrder, nirShape, toNirOrder, type Perm } from './layout.js';
import { pair, type NirBuilder, type NirValue } from './nir-builder.js';

/** Export a dense, conv, pool, reshape or affine node (the stateless ones); other kinds are errors. */
export function exportLinear(b: NirBuilder, node: GraphNode, x: NirValue, shape: Shape): NirValue {
  const out = (nir: string, perm: Perm | null | 'same' = 'same'): NirValue => {
    b.edge(x.nir, nir);
    return { nir, shape, perm: perm === 'same' ? x.perm : (perm ?? undefined) };
  };
  switch (node.kind) {
    case 'dense': {
      if (x.shape.length !== 1) unmappable(node.id, `dense '${node.id}' acts on the last axis of a ${x.shape.length}-D tensor; NIR's Affine takes vectors — flatten first`);
      const [nIn, nOut] = node.weights.shape;
      const w = new Float32Array(nIn * nOut);
      for (let k = 0; k < nIn; k++) {
        const i = x.perm ? x.perm[k] : k;
        for (let o = 0; o < nOut; o++) w[o * nIn + k] = node.weights.data[i * nOut + o];
      }
      const weight = f32(w, [nOut, nIn]);
      if (node.bias === undefined) return out(b.node(node.id, 'Linear', { weight }), null);
      return out(b.node(node.id, 'Affine', { weight, bias: f32(broadcast(node.bias.data, nOut), [nOut]) }), null);
    }
    case 'conv': {
      if (node.kernel.shape.length !== 4) unmappable(node.id, `conv '${node.id}' is 1-D; only 2-D convolutions map (to Conv2d)`);
      const [kh, kw, ci, co] = node.kernel.shape;
      const w = new Float32Array(kh * kw * ci * co);
      for (let o = 0; o < co; o++)
        for (let i = 0; i < ci; i++)
          for (let y = 0; y < kh; y++) for (let z = 0; z < kw; z++) w[((o * ci + i) * kh + y) * kw + z] = node.kernel.data[((y * kw + z) * ci + i) * co + o];
      const [h, wd] = x.shape;
      const dilation = node.dilation ?? [1, 1];
      const padding = symmetricPadding(node.id, node.padding, [h, wd], [kh, kw], node.strides, dilation);
      return out(
        b.node(node.id, 'Conv2d', {
          input_shape: pair(h, wd),
          weight: f32(w, [co, ci, kh, kw]),
          stride: pair(node.strides[0], node.strides[1]),
          padding: pair(padding[0], padding[1]),
          dilation: pair(dilation[0], dilation[1]),
          groups: i64([node.groups ?? 1], []),
          bias: f32(node.bias ? broadcast(node.bias.data, co) : new Float32Array(co), [co]),
        }),
      );
    }
    case 'pool': {
      if (node.op !== 'avg') unmappable(node.id, `pool '${node.id}' is max pooling, which NIR has no node for; convert it with maxToAvgPool (--max-to-avg-pool) first`);
      if (node.window.length !== 2) unmappable(node.id, `pool '${node.id}' is 1-D; only 2-D pooling maps (to AvgPool2d)`);
      const padding = symmetricPadding(node.id, node.padding, x.shape.slice(0, 2), node.window, node.strides, [1, 1]);
      if (padding[0] !== 0 || padding[1] !== 0) unmappable(node.id, `pool '${node.id}' pads its input; NIR's AvgPool2d does not say whether padding counts in the average — use 'valid' padding`);
      return out(b.node(node.id, 'AvgPool2d', { kernel_size: pair(node.window[0], node.window[1]), stride: pair(node.strides[0], node.strides[1]), padding: pair(0, 0) }));
    }
    case 'reshape':
      if (shape.length !== 1) unmappable(node.id, `reshape '${node.id}' to [${shape.join(', ')}] is not a flatten; NIR has only Flatten`);
      if (x.shape.length === 1) return x;
      return out(
        b.node(node.id, 'Flatten', { input_type: i64(nirShape(x.shape)), start_dim: i64([0], []), end_dim: i64([-1], []) }),
        channelsFirstOrder(x.shape),
      );
    case 'affine': {
      const c = shape[shape.length - 1];
      const n = shape.reduce((a, v) => a * v, 1);
      const full = (d: Float32Array): Float32Array => Float32Array.from({ length: n }, (_, i) => d.length === 1 ? d[0] : d[i % c]);
      if (node.bias.data.some((v) => v !== 0)) {
        if (shape.length !== 1) unmappable(node.id, `affine '${node.id}' adds a bias to a ${shape.length}-D tensor; NIR's Scale has no bias — fold it into the preceding conv (foldBatchNorm)`);
        const scale = toNirOrder(full(node.scale.data), shape, x.perm);
        const weight = new Float32Array(n * n);
        for (let k = 0; k < n; k++) weight[k * n + k] = scale[k];
        return out(b.node(node.id, 'Affine', { weight: f32(weight, [n, n]), bias: f32(toNirOrder(full(node.bias.data), shape, x.perm), [n]) }));
      }
      return out(b.node(node.id, 'Scale', { scale: f32(toNirOrder(full(node.scale.data), shape, x.perm), nirShape(shape)) }));
    }
    default:
      return unmappable(node.id, `${node.kind} '${node.id}' has no NIR node (NIR has Affine, Linear, Conv2d, AvgPool2d, Flatten, Scale and neuron nodes)`);
  }
}

function unmappable(id: string, message: string): never {
  throw nirError('NIR_UNMAPPABLE_NODE', id, message);
}

function broadcast(data: Float32Array, n: number): Float32Array {
  return data.length === n ? data : new Float32Array(n).fill(data[0]);
}

/** PyTorch-style symmetric padding per axis of a Keras padding; asymmetric padding is an error. */
function symmetricPadding(id: string, padding: Padding, size: Shape, window: Shape, strides: Shape, dilation: Shape): [number, number] {
  const pairs =
    padding === 'valid'
      ? [[0, 0], [0, 0]]
      : padding === 'same'
        ? [0, 1].map((a) => samePadding(size[a], (window[a] - 1) * dilation[a] + 1, strides[a]))
        : padding;
  if (pairs.some(([p, q]) => p !== q)) {
    throw nirError('NIR_UNMAPPABLE_PARAM', id, `'${id}' pads unevenly (${JSON.stringify(pairs)}); NIR pads both sides alike — use 'valid' padding or an odd window with stride 1`);
  }
  return [pairs[0][0], pairs[1][0]];
}
