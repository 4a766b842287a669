import * as tf from '@tensorflow/tfjs-core';
import { SnnError, type GraphNode, type Padding, type Param, type Shape } from '@snn/ir';

/**
 * A linear (non-neuron) node compiled to tfjs ops. `apply` maps the batched inputs
 * (each `[batch, ...shape]`) to the batched output; `applyNoBias` is the same without the
 * additive bias (used where a synapse filters `W·x` and the bias is added unfiltered, as
 * Nengo does). Weights live on the backend until `dispose`.
 */
export interface LinearOp {
  apply(inputs: tf.Tensor[]): tf.Tensor;
  applyNoBias(inputs: tf.Tensor[]): tf.Tensor;
  /** Bias added after `applyNoBias`, broadcast over the output's last axis, or undefined. */
  readonly bias?: Float32Array;
  dispose(): void;
}

type Explicit = [[number, number], [number, number], [number, number], [number, number]];

function tfPadding(padding: Padding, spatial: number): 'valid' | 'same' | Explicit {
  if (padding === 'valid' || padding === 'same') return padding;
  const p = padding.map((x) => [x[0], x[1]] as [number, number]);
  if (spatial === 1) return [[0, 0], p[0], [0, 0], [0, 0]];
  return [[0, 0], p[0], p[1], [0, 0]];
}

function tensorOf(p: Param): tf.Tensor {
  return tf.tensor(p.data, p.shape.length === 0 ? [] : [...p.shape], 'float32');
}

/** Compile one linear IR node to tfjs ops. `inShapes` are the batchless input shapes. */
export function compileLinearOp(node: GraphNode, inShapes: readonly Shape[], outShape: Shape): LinearOp {
  const held: tf.Tensor[] = [];
  const hold = <T extends tf.Tensor>(t: T): T => (held.push(t), t);
  const dispose = (): void => held.forEach((t) => t.dispose());
  const outBatch = (x: tf.Tensor): tf.Tensor => tf.reshape(x, [-1, ...outShape]);
  const withBias = (f: (xs: tf.Tensor[]) => tf.Tensor, bias?: Param): LinearOp => {
    const b = bias ? hold(tensorOf(bias)) : undefined;
    return {
      applyNoBias: (xs) => tf.tidy(() => outBatch(f(xs))),
      apply: (xs) => tf.tidy(() => outBatch(b ? tf.add(f(xs), b) : f(xs))),
      bias: bias?.data,
      dispose,
    };
  };
  switch (node.kind) {
    case 'dense': {
      const w = hold(tensorOf(node.weights));
      const nIn = node.weights.shape[0];
      return withBias((xs) => tf.matMul(tf.reshape(xs[0], [-1, nIn]), w as tf.Tensor2D), node.bias);
    }
    case 'conv': {
      if ((node.groups ?? 1) !== 1) throw unsupported(node.id, 'groups', node.groups);
      if ((node.dilation ?? []).some((d) => d !== 1)) throw unsupported(node.id, 'dilation', node.dilation);
      const k = hold(tensorOf(node.kernel));
      const in0 = inShapes[0];
      if (node.kernel.shape.length === 3) {
        const pad = tfPadding(node.padding, 1);
        const k4 = hold(to4d(k, [1, ...node.kernel.shape]));
        return withBias((xs) => {
          const x = to4d(xs[0], [-1, 1, in0[0], in0[1]]);
          return tf.conv2d(x, k4, [1, node.strides[0]], pad as 'valid');
        }, node.bias);
      }
      const pad = tfPadding(node.padding, 2);
      return withBias((xs) => {
        const x = to4d(xs[0], [-1, ...in0]);
        return tf.conv2d(x, k as tf.Tensor4D, node.strides as [number, number], pad as 'valid');
      }, node.bias);
    }
    case 'pool': {
      const in0 = inShapes[0];
      const one = in0.length === 2;
      const window = (one ? [1, node.window[0]] : node.window) as [number, number];
      const strides = (one ? [1, node.strides[0]] : node.strides) as [number, number];
      const explicit = typeof node.padding !== 'string';
      const padding = explicit ? (tfPadding(node.padding, one ? 1 : 2) as Explicit) : (node.padding as 'same' | 'valid');
      return withBias((xs) => {
        let x: tf.Tensor4D = to4d(xs[0], one ? [-1, 1, in0[0], in0[1]] : [-1, ...in0]);
        if (explicit) {
          if (node.op === 'avg') throw unsupported(node.id, 'explicit padding with avg pooling', node.padding);
          x = tf.pad(x, padding as Explicit, -Infinity);
        }
        const pad = explicit ? 'valid' : (padding as 'same' | 'valid');
        return node.op === 'avg' ? tf.avgPool(x, window, strides, pad) : tf.maxPool(x, window, strides, pad);
      });
    }
    case 'globalPool': {
      const axes = inShapes[0].slice(0, -1).map((_, i) => i + 1);
      return withBias((xs) => (node.op === 'avg' ? tf.mean(xs[0], axes) : tf.max(xs[0], axes)));
    }
    case 'add': {
      const scale = node.scale ?? 1;
      return withBias((xs) => {
        const sum = xs.length === 1 ? xs[0] : tf.addN(xs);
        return scale === 1 ? sum : tf.mul(sum, scale);
      });
    }
    case 'concat': {
      const rank = inShapes[0].length;
      const axis = node.axis < 0 ? node.axis + rank : node.axis;
      return withBias((xs) => tf.concat(xs.map((x, i) => tf.reshape(x, [-1, ...inShapes[i]])), axis + 1));
    }
    case 'reshape':
    case 'output':
      return withBias((xs) => xs[0]);
    case 'affine': {
      const s = hold(tensorOf(node.scale));
      return withBias((xs) => tf.mul(tf.reshape(xs[0], [-1, ...inShapes[0]]), s), node.bias);
    }
    case 'pad': {
      const pads = [[0, 0], ...node.padding.map((p) => [p[0], p[1]]), [0, 0]] as Array<[number, number]>;
      return withBias((xs) => tf.pad(tf.reshape(xs[0], [-1, ...inShapes[0]]), pads));
    }
    case 'upsample': {
      const sp = inShapes[0].slice(0, -1);
      const c = inShapes[0][inShapes[0].length - 1];
      return withBias((xs) => {
        // interleave a unit axis after each spatial axis, tile it by the factor, merge.
        const expanded = tf.reshape(xs[0], [-1, ...sp.flatMap((n) => [n, 1]), c]);
        const reps = [1, ...node.size.flatMap((f) => [1, f]), 1];
        return tf.tile(expanded, reps);
      });
    }
    default:
      throw new SnnError('SIM_NOT_LINEAR', `node '${node.id}' (${node.kind}) is not a linear node`, { where: node.id });
  }
}

function unsupported(id: string, field: string, value: unknown): SnnError {
  return new SnnError(
    'SIM_UNSUPPORTED',
    `node '${id}' (conv/pool): ${field} = ${JSON.stringify(value)} is not supported by the simulator yet; use groups 1, dilation 1 and 'same'/'valid' padding for average pooling`,
    { where: id },
  );
}

function to4d(x: tf.Tensor, shape: readonly number[]): tf.Tensor4D {
  return tf.reshape(x, [...shape]) as unknown as tf.Tensor4D;
}
