import { inferShapes, samePadding, topoOrder, type Graph, type GraphNode, type Padding, type Shape } from '@snn/ir';
import { createNeuronRegistry, resolveParams, type NeuronRegistry } from '@snn/neurons';
import { kerasError } from '../errors.js';
import { convForward, denseForward, globalPoolForward, padForward, poolForward, upsampleForward, type Window } from './reference-kernels.js';
import { neuronRate64 } from './reference-neurons.js';

/** A graph compiled for float64 evaluation, one example at a time. */
export interface ReferenceModel {
  /** Input node ids and their flat sizes. */
  readonly inputs: readonly { readonly id: string; readonly size: number }[];
  /** Output node ids and their flat sizes. */
  readonly outputs: readonly { readonly id: string; readonly size: number }[];
  /**
   * Evaluate one example: each input flat in channels-last C order. Returns each output
   * (the returned arrays are reused by the next call: copy what you keep).
   */
  run(inputs: Readonly<Record<string, ArrayLike<number>>>): Readonly<Record<string, Float64Array>>;
}

/**
 * Compile `graph` for a plain float64 forward pass in rate mode (every neurons node
 * applies its rate function): an implementation of the IR semantics that is independent
 * of `@snn/sim`, for checking importers and simulators against each other. Synapses are
 * ignored (rate mode at steady state).
 */
export function compileReference(graph: Graph, neuronTypes: NeuronRegistry = createNeuronRegistry()): ReferenceModel {
  const shapes = inferShapes(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputsOf = new Map<string, string[]>();
  for (const e of graph.edges) inputsOf.set(e.target, [...(inputsOf.get(e.target) ?? []), e.source]);
  const size = (id: string): number => (shapes.get(id) as Shape).reduce((a, b) => a * b, 1);
  const buffers = new Map<string, Float64Array>();
  const steps: (() => void)[] = [];
  for (const id of topoOrder(graph)) {
    const node = byId.get(id) as GraphNode;
    const srcIds = inputsOf.get(id) ?? [];
    const ins = srcIds.map((s) => buffers.get(s) as Float64Array);
    const inShape = srcIds.length > 0 ? (shapes.get(srcIds[0]) as Shape) : [];
    if (node.kind === 'reshape' || node.kind === 'output') {
      buffers.set(id, ins[0]);
      continue;
    }
    const out = new Float64Array(size(id));
    buffers.set(id, out);
    const outShape = shapes.get(id) as Shape;
    if (node.kind !== 'input') steps.push(stepFor(node, ins, inShape, outShape, out, neuronTypes));
  }
  const inputs = graph.nodes.filter((n) => n.kind === 'input').map((n) => ({ id: n.id, size: size(n.id) }));
  const outputs = graph.nodes.filter((n) => n.kind === 'output').map((n) => ({ id: n.id, size: size(n.id) }));
  const result: Record<string, Float64Array> = {};
  return {
    inputs,
    outputs,
    run: (values) => {
      for (const { id, size: n } of inputs) {
        const v = values[id];
        if (v === undefined || v.length !== n) {
          throw kerasError('KERAS_BAD_OPTION', id, `reference forward: input '${id}' needs ${n} values, got ${v === undefined ? 'none' : v.length}`);
        }
        const buf = buffers.get(id) as Float64Array;
        for (let i = 0; i < n; i++) buf[i] = v[i];
      }
      for (const step of steps) step();
      for (const { id } of outputs) result[id] = buffers.get(id) as Float64Array;
      return result;
    },
  };
}

function f64(data: Float32Array | undefined): Float64Array | undefined {
  return data === undefined ? undefined : Float64Array.from(data);
}

function windowOf(inShape: Shape, outShape: Shape, k: readonly number[], strides: readonly number[], padding: Padding): Window {
  const twoD = inShape.length === 3;
  const inH = twoD ? inShape[0] : 1;
  const inW = twoD ? inShape[1] : inShape[0];
  const kh = twoD ? k[0] : 1;
  const kw = twoD ? k[1] : k[0];
  const sh = twoD ? strides[0] : 1;
  const sw = twoD ? strides[1] : strides[0];
  const before = (axis: number, n: number, kk: number, s: number): number =>
    padding === 'valid' ? 0 : padding === 'same' ? samePadding(n, kk, s)[0] : padding[axis][0];
  return {
    inH,
    inW,
    outH: twoD ? outShape[0] : 1,
    outW: twoD ? outShape[1] : outShape[0],
    kh,
    kw,
    sh,
    sw,
    ph: twoD ? before(0, inH, kh, sh) : 0,
    pw: before(twoD ? 1 : 0, inW, kw, sw),
  };
}

function stepFor(
  node: GraphNode,
  ins: Float64Array[],
  inShape: Shape,
  outShape: Shape,
  out: Float64Array,
  neuronTypes: NeuronRegistry,
): () => void {
  const x = ins[0];
  const c = outShape[outShape.length - 1];
  switch (node.kind) {
    case 'dense': {
      const w = f64(node.weights.data) as Float64Array;
      const b = f64(node.bias?.data);
      const [nIn, nOut] = node.weights.shape;
      return () => denseForward(x, w, b, nIn, nOut, out);
    }
    case 'conv': {
      const ks = node.kernel.shape;
      const g = windowOf(inShape, outShape, ks.slice(0, ks.length - 2), node.strides, node.padding);
      const k = f64(node.kernel.data) as Float64Array;
      const b = f64(node.bias?.data);
      const cIn = inShape[inShape.length - 1];
      return () => convForward(x, k, b, g, cIn, c, node.groups ?? 1, out);
    }
    case 'pool': {
      const g = windowOf(inShape, outShape, node.window, node.strides, node.padding);
      return () => poolForward(x, g, c, node.op, out);
    }
    case 'globalPool':
      return () => globalPoolForward(x, c, node.op, out);
    case 'add': {
      const s = node.scale ?? 1;
      return () => {
        out.fill(0);
        for (const a of ins) for (let i = 0; i < out.length; i++) out[i] += a[i];
        if (s !== 1) for (let i = 0; i < out.length; i++) out[i] *= s;
      };
    }
    case 'concat': {
      const rank = outShape.length;
      const axis = node.axis < 0 ? rank + node.axis : node.axis;
      const outer = outShape.slice(0, axis).reduce((a, b) => a * b, 1);
      const chunks = ins.map((a) => a.length / outer);
      const total = chunks.reduce((a, b) => a + b, 0);
      return () => {
        for (let o = 0; o < outer; o++) {
          let at = o * total;
          ins.forEach((a, j) => {
            out.set(a.subarray(o * chunks[j], (o + 1) * chunks[j]), at);
            at += chunks[j];
          });
        }
      };
    }
    case 'affine': {
      const s = f64(node.scale.data) as Float64Array;
      const b = f64(node.bias.data) as Float64Array;
      return () => {
        for (let i = 0; i < out.length; i++) out[i] = x[i] * s[i % c] + b[i % c];
      };
    }
    case 'pad': {
      const twoD = inShape.length === 3;
      const inH = twoD ? inShape[0] : 1;
      const inW = twoD ? inShape[1] : inShape[0];
      const top = twoD ? node.padding[0][0] : 0;
      const left = twoD ? node.padding[1][0] : node.padding[0][0];
      const outW = twoD ? outShape[1] : outShape[0];
      return () => padForward(x, inH, inW, c, top, left, outW, out);
    }
    case 'upsample': {
      const twoD = inShape.length === 3;
      const inW = twoD ? inShape[1] : inShape[0];
      return () => upsampleForward(x, inW, c, twoD ? node.size[0] : 1, twoD ? node.size[1] : node.size[0], twoD ? outShape[0] : 1, twoD ? outShape[1] : outShape[0], out);
    }
    case 'neurons': {
      const type = neuronTypes.get(node.neuronType, node.id);
      const params = resolveParams(type, node.params, node.id);
      const rate = neuronRate64(type, params);
      const gain = f64(node.gain?.data);
      const bias = f64(node.bias?.data);
      return () => {
        for (let i = 0; i < out.length; i++) {
          const gi = gain ? (gain.length === 1 ? gain[0] : gain[i]) : 1;
          const bi = bias ? (bias.length === 1 ? bias[0] : bias[i]) : 0;
          out[i] = gi * x[i] + bi;
        }
        rate(out);
      };
    }
    default:
      throw kerasError('KERAS_BAD_OPTION', node.id, `reference forward: node kind '${node.kind}' is not supported`);
  }
}
