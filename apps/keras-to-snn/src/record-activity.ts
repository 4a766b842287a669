import { createRng, inferShapes, type Graph } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { classifierOutput, compile } from '@snn/sim';
import type { WalkBase } from './walk.js';

/** Sampled neurons of one layer over time, for one image. */
export interface LayerActivityTrace {
  readonly node: string;
  /** Neurons in the layer. */
  readonly neurons: number;
  /** Neurons that spiked at least once on this image. */
  readonly active: number;
  /** Indices of the sampled neurons. */
  readonly sampled: Int32Array;
  /** Spikes per step of the sampled neurons (steps x sampled, C order). */
  readonly spikes: Float32Array;
}

/** What one network did with one test image, step by step. */
export interface ActivityRecord {
  readonly steps: number;
  readonly dt: number;
  /** Index of the test image. */
  readonly image: number;
  readonly label: number;
  readonly layers: readonly LayerActivityTrace[];
  /** The classifier output at every step (steps x 10). */
  readonly output: Float32Array;
}

/**
 * Run `graph` spiking on test image `image` for `steps` steps in this thread and keep every
 * neuron layer's spikes for `sample` neurons drawn (seeded) from those that spiked, and the
 * output at every step: the raw material of the report's rasters, traces and output plots.
 * A spike is the smallest non-zero output value of its layer (1 / dt times its amplitude).
 */
export function recordActivity(walk: WalkBase, graph: Graph, options: { readonly steps: number; readonly image?: number; readonly sample?: number; readonly dt?: number }): ActivityRecord {
  const image = options.image ?? 0;
  const sample = options.sample ?? 40;
  const dt = options.dt ?? 0.001;
  const shapes = inferShapes(graph);
  const { inputId } = mnistInput(graph, shapes);
  const output = classifierOutput(graph, shapes, 10);
  const layerIds = graph.nodes.filter((n) => n.kind === 'neurons').map((n) => n.id);
  const sim = compile(graph, { neurons: walk.neurons, synapses: walk.synapses, mode: 'spiking', seed: walk.options.seed, precision: 'float32', dt });
  try {
    const probes = Object.fromEntries([...layerIds.map((id) => [id, { node: id, keep: 'all' as const }]), ['__output', { node: output, keep: 'all' as const }]]);
    const run = sim.run({ [inputId]: walk.test.images.slice(image * 784, (image + 1) * 784) }, { nSteps: options.steps, probes });
    const rng = createRng(walk.options.seed + 7);
    const layers = layerIds.map((id) => sampledLayer(id, run.probes[id].data, options.steps, sample, rng));
    return { steps: options.steps, dt, image, label: walk.test.labels[image], layers, output: run.probes.__output.data };
  } finally {
    sim.dispose();
  }
}

function sampledLayer(node: string, data: Float32Array, steps: number, sample: number, rng: { next(): number }): LayerActivityTrace {
  const neurons = data.length / steps;
  let unit = Infinity;
  for (let i = 0; i < data.length; i++) if (data[i] > 0 && data[i] < unit) unit = data[i];
  const active: number[] = [];
  for (let j = 0; j < neurons; j++) {
    for (let t = 0; t < steps; t++) {
      if (data[t * neurons + j] > 0) {
        active.push(j);
        break;
      }
    }
  }
  // a seeded partial shuffle picks `sample` of the active neurons, shown in index order
  const pool = active.slice();
  const k = Math.min(sample, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const sampled = Int32Array.from(pool.slice(0, k).sort((a, b) => a - b));
  const spikes = new Float32Array(steps * k);
  for (let t = 0; t < steps; t++) {
    for (let s = 0; s < k; s++) spikes[t * k + s] = Number.isFinite(unit) ? Math.round(Math.max(0, data[t * neurons + sampled[s]]) / unit) : 0;
  }
  return { node, neurons, active: active.length, sampled, spikes };
}
