import { inferShapes, inputsOf, type Graph, type GraphNode, type Param, type SynapseSpec } from '@snn/ir';
import { formatCount, formatTable } from '@snn/report';

/** One node of a network, as `snn inspect` describes it. */
export interface NodeReport {
  readonly id: string;
  readonly kind: string;
  /** Output shape (channels-last, without batch). */
  readonly shape: readonly number[];
  /** Parameter values the node holds. */
  readonly params: number;
  /** What the node does, in a few words (neuron type and parameters, window, scale, synapses in). */
  readonly details: string;
}

/** What `snn inspect NET.snn` reports. */
export interface NetworkReport {
  readonly nodes: readonly NodeReport[];
  readonly params: number;
  /** Neurons per neuron type. */
  readonly neurons: Readonly<Record<string, number>>;
  /** The graph's metadata: where it came from, conversion, calibration, readout, training. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Describe a network graph node by node (any graph: imported, converted, calibrated, trained). */
export function describeNetwork(graph: Graph): NetworkReport {
  const shapes = inferShapes(graph);
  const neurons: Record<string, number> = {};
  const nodes = graph.nodes.map((node): NodeReport => {
    const shape = shapes.get(node.id) ?? [];
    if (node.kind === 'neurons') neurons[node.neuronType] = (neurons[node.neuronType] ?? 0) + shape.reduce((a, b) => a * b, 1);
    const synapses = inputsOf(graph, node.id).filter((e) => e.synapse).map((e) => `${describeSynapse(e.synapse!)} from ${e.source}`);
    const details = [describeNode(node), ...synapses].filter((d) => d !== '').join('; ');
    return { id: node.id, kind: node.kind, shape, params: paramCount(node), details };
  });
  return { nodes, params: nodes.reduce((s, n) => s + n.params, 0), neurons, metadata: graph.metadata ?? {} };
}

/** The report as text: a node table, then what the metadata says about the network's history. */
export function renderNetworkReport(report: NetworkReport): string {
  const rows = report.nodes.map((n) => [n.id, n.kind, n.shape.join('x') || '-', formatCount(n.params), n.details]);
  const table = formatTable(['node', 'kind', 'shape', 'params', 'details'], rows, ['left', 'left', 'left', 'right', 'left']);
  const types = Object.entries(report.neurons).map(([t, n]) => `${formatCount(n)} ${t}`).join(', ') || 'none';
  return `${table}\nneurons: ${types}\n${historyLines(report.metadata).join('')}`;
}

function describeNode(node: GraphNode): string {
  switch (node.kind) {
    case 'neurons': {
      const params = Object.entries(node.params ?? {}).map(([k, v]) => `${k} ${+v.toPrecision(4)}`);
      const gain = node.gain ? [`gain ${summarize(node.gain)}`] : [];
      const bias = node.bias ? [`bias ${summarize(node.bias)}`] : [];
      return [node.neuronType, ...params, ...gain, ...bias].join(', ');
    }
    case 'conv':
      return `${node.kernel.shape.slice(0, -2).join('x')} kernel, ${node.kernel.shape[node.kernel.shape.length - 1]} filters, strides ${node.strides.join('x')}, ${typeof node.padding === 'string' ? node.padding : 'explicit'} padding${node.bias ? ', bias' : ''}`;
    case 'dense':
      return `${node.weights.shape[0]} -> ${node.weights.shape[1]}${node.bias ? ', bias' : ''}`;
    case 'pool':
      return `${node.op} ${node.window.join('x')}, strides ${node.strides.join('x')}`;
    case 'globalPool':
      return node.op;
    case 'affine':
      return `scale ${summarize(node.scale)}, bias ${summarize(node.bias)}`;
    case 'add':
      return node.scale !== undefined && node.scale !== 1 ? `sum x ${node.scale}` : '';
    default:
      return '';
  }
}

function describeSynapse(s: SynapseSpec): string {
  const tau = s.params?.tau;
  return tau !== undefined ? `${s.type} synapse ${+(tau * 1000).toPrecision(4)} ms` : `${s.type} synapse`;
}

/** A scalar as itself, an array as its range. */
function summarize(p: Param): string {
  if (p.data.length === 1) return `${+p.data[0].toPrecision(4)}`;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of p.data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return `${+lo.toPrecision(3)}..${+hi.toPrecision(3)}`;
}

function paramCount(node: GraphNode): number {
  return Object.values(node).reduce((s: number, v) => s + ((v as Param)?.data instanceof Float32Array ? (v as Param).data.length : 0), 0);
}

/** Lines for what the metadata records: source, conversion, calibration, readout, training. */
function historyLines(meta: Readonly<Record<string, unknown>>): string[] {
  const lines: string[] = [];
  const source = meta.source as { format?: string; fileName?: string } | undefined;
  if (source?.fileName) lines.push(`imported from ${source.fileName} (${source.format ?? 'keras'})\n`);
  const conversion = meta.conversion as Record<string, unknown> | undefined;
  if (conversion && Object.keys(conversion).length > 0) lines.push(`conversion: ${JSON.stringify(conversion)}\n`);
  const cal = meta.calibration as { percentile?: number; samples?: number; targetRateHz?: number; layers?: Record<string, { threshold: number; scale: number; expectedRateHz: number }> } | undefined;
  if (cal) {
    const layers = Object.entries(cal.layers ?? {}).map(([id, l]) => `${id} (one spike/step = ${+l.threshold.toPrecision(4)}, scale ${+l.scale.toPrecision(4)}, ~${l.expectedRateHz.toFixed(1)} Hz)`);
    lines.push(`calibrated on ${cal.samples} samples at percentile ${cal.percentile}${cal.targetRateHz !== undefined ? `, target rate ${cal.targetRateHz} Hz` : ''}: ${layers.join(', ')}\n`);
  }
  if (meta.readout !== undefined) lines.push(`readout: ${String(meta.readout)} (snn evaluate's default for this network)\n`);
  const training = meta.training as { epoch?: number; testAccuracy?: number } | undefined;
  if (training?.epoch !== undefined) lines.push(`trained ${training.epoch} epoch${training.epoch === 1 ? '' : 's'}${training.testAccuracy !== undefined ? `, test accuracy ${(100 * training.testAccuracy).toFixed(2)}% (rate mode)` : ''}\n`);
  const inferenceOnly = meta.inferenceOnly as { reason: string }[] | undefined;
  if (inferenceOnly?.length) lines.push(`converted for inference only: ${inferenceOnly.map((e) => e.reason).join('; ')}\n`);
  return lines;
}
