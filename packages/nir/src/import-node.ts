import { param, scalar, type Edge, type GraphNode, type NeuronsNode, type Param, type SynapseSpec } from '@snn/ir';
import { nirError } from './error-codes.js';
import { channelsFirstOrder, snnShape, toSnnOrder, type Perm } from './layout.js';
import type { NirNode } from './nir-node.js';
import { INITIAL_VOLTAGE_KEY, UNCLAMPED_MIN_VOLTAGE } from './nir-version.js';

/** A value of the graph being built: the snn node computing it, through an optional synapse. */
export interface SnnValue {
  readonly id: string;
  readonly shape: readonly number[];
  readonly perm: Perm;
  readonly synapse?: SynapseSpec;
}

/** The graph being built. */
export interface ImportContext {
  readonly nodes: Map<string, GraphNode>;
  readonly edges: Edge[];
  readonly warnings: string[];
  /** Number of edges leaving each NIR node. */
  readonly outDegree: Map<string, number>;
}

/** Add the edge that carries value `x` into node `target`. */
export function connect(ctx: ImportContext, x: SnnValue, target: string): void {
  ctx.edges.push(x.synapse ? { source: x.id, target, synapse: x.synapse } : { source: x.id, target });
}

/** Map NIR node `n` with input value `x` (absent for Input) into the graph; returns its output value. */
export function importNode(ctx: ImportContext, n: NirNode, x: SnnValue | undefined): SnnValue {
  if (n.type === 'Input') {
    const shape = snnShape(n.array('shape').data);
    ctx.nodes.set(n.id, { kind: 'input', id: n.id, shape });
    return { id: n.id, shape, perm: undefined };
  }
  if (x === undefined) throw nirError('NIR_BAD_NODE', n.id, `NIR node '${n.id}' (${n.type}) has no input edge; connect it, or remove it`);
  const add = (node: GraphNode, shape: readonly number[], perm: Perm | null | 'same' = 'same'): SnnValue => {
    ctx.nodes.set(node.id, node);
    connect(ctx, x, node.id);
    return { id: node.id, shape, perm: perm === 'same' ? x.perm : (perm ?? undefined) };
  };
  switch (n.type) {
    case 'Output':
      return add({ kind: 'output', id: n.id }, x.shape);
    case 'Affine':
    case 'Linear': {
      const { shape: ws, data } = n.array('weight');
      if (ws.length !== 2 || x.shape.length !== 1 || ws[1] !== x.shape[0]) {
        throw nirError('NIR_UNMAPPABLE_PARAM', n.id, `NIR ${n.type} '${n.id}' has weight shape [${ws}] for an input of shape [${x.shape}]; only (out, in) matrices on vectors map — flatten first`);
      }
      const [nOut, nIn] = ws;
      const w = new Float32Array(nIn * nOut);
      for (let k = 0; k < nIn; k++) {
        const i = x.perm ? x.perm[k] : k;
        for (let o = 0; o < nOut; o++) w[i * nOut + o] = data[o * nIn + k];
      }
      const bias = n.type === 'Affine' ? { bias: param(n.array('bias').data, [nOut]) } : {};
      return add({ kind: 'dense', id: n.id, weights: param(w, [nIn, nOut]), ...bias }, [nOut], null);
    }
    case 'Conv2d':
      return add(conv2d(n), convShape(n, x));
    case 'AvgPool2d':
    case 'SumPool2d': {
      const window = n.ints('kernel_size', 2);
      const strides = n.ints('stride', 2);
      if (n.ints('padding', 2).some((p) => p !== 0)) throw unmappable(n, `${n.type} '${n.id}' pads its input, and NIR does not say whether padded cells count in the average; only padding 0 maps`);
      const [h, w, c] = x.shape;
      const shape = [Math.floor((h - window[0]) / strides[0]) + 1, Math.floor((w - window[1]) / strides[1]) + 1, c];
      const pooled = add({ kind: 'pool', id: n.id, op: 'avg', window, strides, padding: 'valid' }, shape);
      if (n.type === 'AvgPool2d') return pooled;
      const sum = `${n.id}.sum`;
      ctx.nodes.set(sum, { kind: 'affine', id: sum, scale: scalar(window[0] * window[1]), bias: scalar(0) });
      ctx.edges.push({ source: n.id, target: sum });
      return { id: sum, shape, perm: undefined };
    }
    case 'Flatten': {
      if (x.shape.length === 1) return x;
      const start = n.has('start_dim') ? n.array('start_dim').data[0] : 1;
      const end = n.has('end_dim') ? n.array('end_dim').data[0] : -1;
      const rank = x.shape.length;
      if ((start + rank) % rank !== 0 || (end + rank) % rank !== rank - 1) {
        throw unmappable(n, `Flatten '${n.id}' flattens dims ${start}..${end} of a rank-${rank} tensor; only a flatten of every dim (start_dim 0, end_dim -1) maps`);
      }
      const size = x.shape.reduce((a, b) => a * b, 1);
      return add({ kind: 'reshape', id: n.id, shape: [size] }, [size], channelsFirstOrder(x.shape));
    }
    case 'Scale':
      return scale(ctx, n, x, add);
    case 'IF':
    case 'LIF':
      return add(neurons(ctx, n, x), x.shape);
    case 'LI':
    case 'I':
      return filter(ctx, n, x, add);
    default:
      throw unmappable(
        n,
        `NIR node '${n.id}' is ${n.type}, which snn cannot represent${n.type === 'CubaLIF' ? ' (write it as LI followed by LIF)' : n.type === 'Threshold' ? ' (snn has no stateless spike generator)' : ''}; snn maps Input, Output, Affine, Linear, Conv2d, Flatten, AvgPool2d, SumPool2d, Scale, IF, LIF, LI and I`,
      );
  }
}

function unmappable(n: NirNode, message: string): Error {
  return nirError(n.type === 'AvgPool2d' || n.type === 'SumPool2d' || n.type === 'Flatten' ? 'NIR_UNMAPPABLE_PARAM' : 'NIR_UNMAPPABLE_NODE', n.id, message);
}

function conv2d(n: NirNode): GraphNode {
  const { shape: ws, data } = n.array('weight');
  if (ws.length !== 4) throw unmappable(n, `Conv2d '${n.id}' has a weight of rank ${ws.length}; it must be (out, in, kh, kw)`);
  const [co, ci, kh, kw] = ws;
  const kernel = new Float32Array(data.length);
  for (let o = 0; o < co; o++)
    for (let i = 0; i < ci; i++)
      for (let y = 0; y < kh; y++) for (let z = 0; z < kw; z++) kernel[((y * kw + z) * ci + i) * co + o] = data[((o * ci + i) * kh + y) * kw + z];
  const pad = n.string('padding');
  const padding = pad === 'same' || pad === 'valid' ? pad : (n.ints('padding', 2).map((p) => [p, p] as const) as [number, number][]);
  const bias = n.has('bias') ? n.array('bias').data : [0];
  const dilation = n.has('dilation') ? n.ints('dilation', 2) : [1, 1];
  return {
    kind: 'conv',
    id: n.id,
    kernel: param(kernel, [kh, kw, ci, co]),
    bias: param(bias.length === 1 ? new Float32Array(co).fill(bias[0]) : bias, [co]),
    strides: n.ints('stride', 2),
    padding,
    ...(dilation.some((d) => d !== 1) ? { dilation } : {}),
    ...(n.has('groups') && n.array('groups').data[0] !== 1 ? { groups: n.array('groups').data[0] } : {}),
  };
}

function convShape(n: NirNode, x: SnnValue): number[] {
  const [co, , kh, kw] = n.array('weight').shape;
  const s = n.ints('stride', 2);
  const d = n.has('dilation') ? n.ints('dilation', 2) : [1, 1];
  const pad = n.string('padding');
  const p = pad === 'same' || pad === 'valid' ? [0, 0] : n.ints('padding', 2);
  const k = [kh, kw];
  const size = [0, 1].map((a) => (pad === 'same' ? Math.ceil(x.shape[a] / s[a]) : Math.floor((x.shape[a] + 2 * p[a] - d[a] * (k[a] - 1) - 1) / s[a]) + 1));
  return [size[0], size[1], co];
}

/** Per-neuron NIR values in snn order, or a scalar when all are equal. */
function perNeuron(data: number[], x: SnnValue): Param {
  if (data.every((v) => v === data[0])) return scalar(data[0]);
  return param(toSnnOrder(data, x.shape, x.perm), x.shape);
}

function uniform(n: NirNode, name: string, what: string): number {
  const { data } = n.array(name);
  if (!data.every((v) => v === data[0])) throw nirError('NIR_UNMAPPABLE_PARAM', n.id, `${n.type} '${n.id}': ${name} differs between neurons; snn's ${what} holds one value per population`);
  return data[0];
}

function neurons(ctx: ImportContext, n: NirNode, x: SnnValue): NeuronsNode {
  const theta = n.array('v_threshold').data;
  const reset = n.has('v_reset') ? n.array('v_reset').data : [0];
  if (reset.some((v) => v !== 0)) {
    throw nirError('NIR_UNMAPPABLE_PARAM', n.id, `${n.type} '${n.id}' resets to v_reset = ${reset.find((v) => v !== 0)}; snn's ${n.type === 'IF' ? 'IntegrateAndFire' : 'LIF'} resets to 0 — only v_reset = 0 maps`);
  }
  if (theta.some((v) => !(v > 0))) throw nirError('NIR_UNMAPPABLE_PARAM', n.id, `${n.type} '${n.id}' has a threshold <= 0; snn neurons need v_threshold > 0`);
  // Dividing the voltage by the threshold gives snn's normalized neuron (threshold 1, reset 0).
  const gain = perNeuron(n.array('r').data.map((r, i) => r / theta[theta.length === 1 ? 0 : i]), x);
  if (n.type === 'IF') {
    const initialVoltage = n.metadata(INITIAL_VOLTAGE_KEY) ?? 0;
    return { kind: 'neurons', id: n.id, neuronType: 'IntegrateAndFire', params: { amplitude: 1, initialVoltage }, gain };
  }
  const bias = perNeuron(n.array('v_leak').data.map((v, i) => v / theta[theta.length === 1 ? 0 : i]), x);
  ctx.warnings.push(`LIF '${n.id}': snn starts each voltage at Uniform(0, 1) of the threshold (Nengo's LIF); NIR leaves the initial state to the simulator`);
  return {
    kind: 'neurons',
    id: n.id,
    neuronType: 'LIF',
    params: { tauRc: uniform(n, 'tau', 'LIF tauRc'), tauRef: 0, minVoltage: UNCLAMPED_MIN_VOLTAGE, amplitude: 1 },
    gain,
    bias,
  };
}

type Add = (node: GraphNode, shape: readonly number[], perm?: Perm | null | 'same') => SnnValue;

/** Scale: folded into the amplitude of the spiking population it alone follows, else an affine node. */
function scale(ctx: ImportContext, n: NirNode, x: SnnValue, add: Add): SnnValue {
  const s = n.array('scale').data;
  const source = ctx.nodes.get(x.id);
  if (source?.kind === 'neurons' && x.synapse === undefined && ctx.outDegree.get(x.id) === 1 && s.every((v) => v === s[0])) {
    ctx.nodes.set(x.id, { ...source, params: { ...source.params, amplitude: (source.params?.amplitude ?? 1) * s[0] } });
    return x;
  }
  return add({ kind: 'affine', id: n.id, scale: channelParam(n, s, x), bias: scalar(0) }, x.shape);
}

/** A per-element NIR array as an affine parameter: a scalar, per element of a vector, or per channel. */
function channelParam(n: NirNode, values: number[], x: SnnValue): Param {
  if (values.every((v) => v === values[0])) return scalar(values[0]);
  if (x.shape.length === 1) return param(toSnnOrder(values, x.shape, x.perm), x.shape);
  const c = x.shape[x.shape.length - 1];
  const spatial = values.length / c;
  const perChannel = Array.from({ length: c }, (_, ch) => values[ch * spatial]);
  if (!values.every((v, k) => v === perChannel[Math.floor(k / spatial)])) {
    throw nirError('NIR_UNMAPPABLE_PARAM', n.id, `${n.type} '${n.id}' varies within a channel; snn's affine holds one value per channel`);
  }
  return param(perChannel, [c]);
}

/** LI and I are linear filters: a synapse on the edges leaving the value, after an affine node for r and v_leak. */
function filter(ctx: ImportContext, n: NirNode, x: SnnValue, add: Add): SnnValue {
  if (x.synapse !== undefined) throw nirError('NIR_UNMAPPABLE_NODE', n.id, `${n.type} '${n.id}' filters a value that is already filtered; snn holds one synapse per edge`);
  const r = n.array('r').data;
  let value = x;
  if (n.type === 'LI') {
    const leak = n.array('v_leak').data;
    if (r.some((v) => v !== 1) || leak.some((v) => v !== 0)) {
      value = add({ kind: 'affine', id: `${n.id}.input`, scale: channelParam(n, r, x), bias: channelParam(n, leak, x) }, x.shape);
    }
    return { ...value, synapse: { type: 'lowpass', params: { tau: uniform(n, 'tau', 'lowpass synapse tau') } } };
  }
  return { ...value, synapse: { type: 'linearFilter', arrays: { num: [uniform(n, 'r', 'integrator gain')], den: [1, 0] } } };
}
