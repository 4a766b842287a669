import * as tf from '@tensorflow/tfjs-core';
import { SnnError, type GraphNode, type Padding, type Shape } from '@snn/ir';
import { maxOverAxes, padOp } from './pad-op.js';
import { neuronParamKey } from './param-fields.js';
import type { RateOp } from './rate-op.js';

/** A node's variables by field name (`weights`, `bias`, `kernel`, `scale`, `gain`, `params.<name>`). */
export type NodeVars = Readonly<Record<string, tf.Tensor>>;

/** The batched forward function of one node: inputs `[batch, ...inShape]` -> `[batch, ...outShape]`. */
export type NodeForward = (xs: tf.Tensor[], vars: NodeVars) => tf.Tensor;

type Pair = readonly [number, number];

/**
 * The differentiable forward function of one non-input node, from tfjs ops that have
 * gradients in snn's training setup (`rate` is the neuron node's rate op). Synapses on
 * edges are ignored: training runs the rate-mode graph for one step, as NengoDL does for
 * non-temporal training. `trainable` names the neuron parameters whose `params.<name>`
 * variables the rate op takes.
 */
export function nodeForward(node: GraphNode, inShapes: readonly Shape[], outShape: Shape, rate?: RateOp, trainable: readonly string[] = []): NodeForward {
  const batched = (x: tf.Tensor, shape: Shape): tf.Tensor => tf.reshape(x, [-1, ...shape]);
  const out = (x: tf.Tensor): tf.Tensor => batched(x, outShape);
  const in0 = inShapes[0];
  switch (node.kind) {
    case 'dense': {
      const nIn = node.weights.shape[0];
      return (xs, v) => {
        const y = tf.matMul(tf.reshape(xs[0], [-1, nIn]), v.weights as tf.Tensor2D);
        return out(v.bias ? tf.add(y, v.bias) : y);
      };
    }
    case 'conv':
      return convForward(node, in0, out);
    case 'pool':
      return poolForward(node, in0, out);
    case 'globalPool': {
      const axes = in0.slice(0, -1).map((_, i) => i + 1);
      return (xs) => out(node.op === 'avg' ? tf.mean(batched(xs[0], in0), axes) : maxOverAxes(batched(xs[0], in0), axes));
    }
    case 'add': {
      const scale = node.scale ?? 1;
      return (xs) => {
        let sum = batched(xs[0], in0);
        for (let i = 1; i < xs.length; i++) sum = tf.add(sum, batched(xs[i], inShapes[i]));
        return out(scale === 1 ? sum : tf.mul(sum, tf.scalar(scale)));
      };
    }
    case 'concat': {
      const axis = node.axis < 0 ? node.axis + in0.length : node.axis;
      return (xs) => out(tf.concat(xs.map((x, i) => batched(x, inShapes[i])), axis + 1));
    }
    case 'reshape':
    case 'output':
      return (xs) => out(xs[0]);
    case 'affine':
      return (xs, v) => out(tf.add(tf.mul(batched(xs[0], in0), v.scale), v.bias));
    case 'pad': {
      const pads: Pair[] = [[0, 0], ...node.padding, [0, 0]];
      return (xs) => out(padOp(batched(xs[0], in0), pads));
    }
    case 'upsample': {
      const sp = in0.slice(0, -1);
      const c = in0[in0.length - 1];
      const reps = [1, ...node.size.flatMap((f) => [1, f]), 1];
      return (xs) => out(tf.tile(tf.reshape(xs[0], [-1, ...sp.flatMap((n) => [n, 1]), c]), reps));
    }
    case 'neurons': {
      if (!rate) throw new SnnError('TRAIN_INTERNAL', `neurons node '${node.id}' needs a rate op to train`, { where: node.id });
      const perNeuron = (p: tf.Tensor): tf.Tensor => (p.rank === 0 ? p : tf.reshape(p, [...outShape]));
      const keys = trainable.map(neuronParamKey);
      return (xs, v) => {
        let J = batched(xs[0], outShape);
        if (v.gain) J = tf.mul(J, perNeuron(v.gain));
        if (v.bias) J = tf.add(J, perNeuron(v.bias));
        return rate(J, keys.map((k) => v[k]));
      };
    }
    case 'input':
      return (xs) => out(xs[0]);
  }
}

function explicitPads(padding: Padding): Pair[] | undefined {
  return typeof padding === 'string' ? undefined : padding.map((p) => [p[0], p[1]] as const);
}

function convForward(node: Extract<GraphNode, { kind: 'conv' }>, in0: Shape, out: (x: tf.Tensor) => tf.Tensor): NodeForward {
  if ((node.groups ?? 1) !== 1) throw unsupported(node.id, 'groups', node.groups);
  if ((node.dilation ?? []).some((d) => d !== 1)) throw unsupported(node.id, 'dilation', node.dilation);
  const one = node.kernel.shape.length === 3;
  const x4Shape = (one ? [-1, 1, in0[0], in0[1]] : [-1, ...in0]) as [number, number, number, number];
  const k4Shape = (one ? [1, ...node.kernel.shape] : [...node.kernel.shape]) as [number, number, number, number];
  const strides = (one ? [1, node.strides[0]] : [...node.strides]) as [number, number];
  const explicit = explicitPads(node.padding);
  const pads: Pair[] | undefined = explicit && [[0, 0], ...(one ? [[0, 0] as const, explicit[0]] : explicit), [0, 0]];
  return (xs, v) => {
    let x = tf.reshape(xs[0], x4Shape) as tf.Tensor4D;
    if (pads) x = padOp(x, pads) as tf.Tensor4D;
    const k = tf.reshape(v.kernel, k4Shape) as tf.Tensor4D;
    const y = tf.conv2d(x, k, strides, pads ? 'valid' : (node.padding as 'same' | 'valid'));
    return out(v.bias ? tf.add(y, v.bias) : y);
  };
}

function poolForward(node: Extract<GraphNode, { kind: 'pool' }>, in0: Shape, out: (x: tf.Tensor) => tf.Tensor): NodeForward {
  const one = in0.length === 2;
  const window = (one ? [1, node.window[0]] : node.window) as [number, number];
  const strides = (one ? [1, node.strides[0]] : node.strides) as [number, number];
  const explicit = explicitPads(node.padding);
  if (explicit && node.op === 'avg') throw unsupported(node.id, 'explicit padding with average pooling', node.padding);
  const pads: Pair[] | undefined = explicit && [[0, 0], ...(one ? [[0, 0] as const, explicit[0]] : explicit), [0, 0]];
  const x4Shape = (one ? [-1, 1, in0[0], in0[1]] : [-1, ...in0]) as [number, number, number, number];
  return (xs) => {
    let x = tf.reshape(xs[0], x4Shape) as tf.Tensor4D;
    if (pads) x = padOp(x, pads, -Infinity) as tf.Tensor4D;
    const pad = pads ? 'valid' : (node.padding as 'same' | 'valid');
    return out(node.op === 'avg' ? tf.avgPool(x, window, strides, pad) : tf.maxPool(x, window, strides, pad));
  };
}

function unsupported(id: string, field: string, value: unknown): SnnError {
  return new SnnError(
    'TRAIN_UNSUPPORTED',
    `node '${id}': ${field} = ${JSON.stringify(value)} cannot be trained yet; use groups 1, dilation 1, and 'same'/'valid' padding for average pooling`,
    { where: id },
  );
}
