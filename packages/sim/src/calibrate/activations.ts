import { SnnError, setSynapses, type Graph } from '@snn/ir';
import type { CompileOptions, SimInputs } from '../options.js';
import { Simulator } from '../simulator.js';
import { percentileInPlace } from './percentile.js';

/** What {@link measureActivations} keeps of one neurons node's rate-mode outputs. */
export interface ActivationSummary {
  readonly node: string;
  /** Neurons in the node. */
  readonly neurons: number;
  /** Samples the statistics cover. */
  readonly samples: number;
  /** Mean output over neurons and samples (the node's units: Hz for rate types, times amplitude). */
  readonly mean: number;
  /** Largest output. */
  readonly max: number;
  /** Fraction of outputs above zero. */
  readonly activeFraction: number;
  /**
   * The p-th percentile (0 < p <= 100) of the outputs above zero (of all outputs with
   * `{ includeZeros: true }`); 0 when no output is above zero.
   */
  percentile(p: number, options?: { readonly includeZeros?: boolean }): number;
}

/** Options of {@link measureActivations}. */
export interface MeasureOptions extends Pick<CompileOptions, 'neurons' | 'synapses' | 'batchSize'> {
  /** Neurons node ids to measure (default: every neurons node). */
  readonly nodes?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run `graph` as a rate network (every neuron type's rate function, one step, synapses
 * removed: the ANN) on `inputs` and summarize each neurons node's outputs. This is what
 * data-based normalization (Rueckauer et al. 2017; SNN Toolbox, SpikingJelly) measures.
 */
export function measureActivations(graph: Graph, inputs: SimInputs, options: MeasureOptions): ActivationSummary[] {
  const ann = setSynapses(graph, null, { where: 'all' });
  const ids = options.nodes ?? graph.nodes.filter((n) => n.kind === 'neurons').map((n) => n.id);
  for (const id of ids) {
    const node = graph.nodes.find((n) => n.id === id);
    if (!node || node.kind !== 'neurons') {
      throw new SnnError('SIM_BAD_ARGUMENT', `measureActivations: '${id}' is ${node ? `a ${node.kind} node` : 'not a node of the graph'}; name neurons nodes`, { where: id });
    }
  }
  const sim = new Simulator(ann, { neurons: options.neurons, synapses: options.synapses, mode: 'rate', ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
  try {
    const probes = Object.fromEntries(ids.map((id) => [id, { node: id, keep: 'last' as const }]));
    const run = sim.run(inputs, { nSteps: 1, probes, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return ids.map((id) => summarize(id, run.probes[id].data, run.samples));
  } finally {
    sim.dispose();
  }
}

function summarize(node: string, values: Float32Array, samples: number): ActivationSummary {
  let sum = 0;
  let max = -Infinity;
  let active = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    if (v > max) max = v;
    if (v > 0) active++;
  }
  let scratch: Float32Array | undefined; // the values a percentile reorders, allocated on first use
  return {
    node,
    neurons: values.length / samples,
    samples,
    mean: values.length > 0 ? sum / values.length : 0,
    max: values.length > 0 ? max : 0,
    activeFraction: values.length > 0 ? active / values.length : 0,
    percentile(p, opts = {}) {
      if (!(p > 0 && p <= 100)) throw new SnnError('SIM_BAD_ARGUMENT', `percentile ${p} is outside (0, 100]; give e.g. 99.9`, { where: 'percentile' });
      if (active === 0) return 0;
      scratch ??= new Float32Array(values.length);
      if (opts.includeZeros) {
        scratch.set(values);
        return percentileInPlace(scratch, p);
      }
      for (let i = 0, k = 0; i < values.length; i++) if (values[i] > 0) scratch[k++] = values[i];
      return percentileInPlace(scratch.subarray(0, active), p);
    },
  };
}
