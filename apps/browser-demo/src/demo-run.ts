import { SnnError, type Graph, type NeuronsNode } from '@snn/ir';
import { importKeras } from '@snn/keras-import';
import type { MnistSet } from '@snn/mnist';
import { createNeuronRegistry } from '@snn/neurons';
import { argmaxRows, compile, initBackend } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';

/** The demo's conversion and run settings (NengoDL's converter options, spec §5). */
export const DEMO_SETTINGS = {
  /** Spiking steps per digit. */
  steps: 30,
  /** Time step (s). */
  dt: 0.001,
  /** Every ReLU becomes a spiking rectified linear neuron. */
  swapActivations: { relu: 'SpikingRectifiedLinear' },
  /** Firing-rate scale of every neuron layer (gain x100, amplitude /100). */
  scaleFiringRates: 100,
  /** Lowpass synapse on every edge leaving a neuron layer (s). */
  synapse: 0.005,
  /** Seed of the simulator. */
  seed: 0,
} as const;

/** What one demo run produced: the same in a browser and in Node. */
export interface DemoRun {
  /** Digits run. */
  readonly count: number;
  /** True labels of the digits. */
  readonly labels: number[];
  /** Predicted digit of each: the largest output at the last step. */
  readonly predicted: number[];
  /** Output values, (count, steps, classes) in C order. */
  readonly output: Float32Array;
  readonly classes: number;
  readonly steps: number;
  readonly dt: number;
  /** The neuron layer whose spikes {@link DemoRun.raster} holds. */
  readonly rasterLayer: string;
  /** Spikes per step of the busiest `rasterNeurons` neurons of `rasterLayer` while digit 0 is shown, (steps, rasterNeurons). */
  readonly raster: Float32Array;
  readonly rasterNeurons: number;
  /** Mean firing rate of each neuron layer (Hz), by node id. */
  readonly firingRateHz: Record<string, number>;
  /** Milliseconds spent reading and converting the model, and running the digits. */
  readonly importMs: number;
  readonly runMs: number;
}

/** Neurons of the raster, sampled evenly from the layer. */
const RASTER_NEURONS = 64;

/**
 * Read a Keras model from its bytes, convert it to a spiking network with
 * {@link DEMO_SETTINGS} and run `digits` through it for `steps` steps on the WebAssembly
 * backend. Browser-safe: the demo page and its Node check call exactly this.
 */
export async function runDemo(model: { bytes: Uint8Array; fileName: string }, digits: MnistSet): Promise<DemoRun> {
  const { steps, dt, seed, swapActivations, scaleFiringRates, synapse } = DEMO_SETTINGS;
  await initBackend();
  const started = performance.now();
  const { graph } = await importKeras(model, { swapActivations, scaleFiringRates, synapse });
  const imported = performance.now();
  const output = outputNode(graph);
  const layers = graph.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons');
  const rasterLayer = layers[0];
  const sim = compile(graph, { neurons: createNeuronRegistry(), synapses: createSynapseRegistry(), mode: 'spiking', dt, seed });
  const run = sim.run(
    { [inputNode(graph)]: digits.images },
    { nSteps: steps, probes: { output: { node: output, keep: 'all' }, spikes: { node: rasterLayer.id, keep: 'all' } } },
  );
  const runMs = performance.now() - imported;
  const out = run.probes.output;
  const classes = out.shape[out.shape.length - 1];
  const last = new Float32Array(digits.count * classes);
  for (let s = 0; s < digits.count; s++) last.set(out.data.subarray(((s + 1) * steps - 1) * classes, (s + 1) * steps * classes), s * classes);
  const { raster, neurons } = spikeRaster(run.probes.spikes.data, run.probes.spikes.shape, steps, dt, rasterLayer.params?.amplitude ?? 1);
  return {
    count: digits.count,
    labels: Array.from(digits.labels),
    predicted: Array.from(argmaxRows(last, classes)),
    output: out.data,
    classes,
    steps,
    dt,
    rasterLayer: rasterLayer.id,
    raster,
    rasterNeurons: neurons,
    firingRateHz: Object.fromEntries(layers.map((n) => [n.id, run.stats[n.id].firingRateHz])),
    importMs: imported - started,
    runMs,
  };
}

/**
 * Spike counts of sample 0 from a neurons probe (values are amplitude / dt per spike): the
 * RASTER_NEURONS neurons that spiked most (ties: lower index first), in index order.
 */
function spikeRaster(data: Float32Array, shape: readonly number[], steps: number, dt: number, amplitude: number): { raster: Float32Array; neurons: number } {
  const size = shape.slice(2).reduce((a, b) => a * b, 1);
  const count = (t: number, i: number) => Math.round((data[t * size + i] * dt) / amplitude);
  const totals = new Float64Array(size);
  for (let t = 0; t < steps; t++) for (let i = 0; i < size; i++) totals[i] += count(t, i);
  const picked = Array.from(totals.keys())
    .sort((a, b) => totals[b] - totals[a] || a - b)
    .slice(0, Math.min(RASTER_NEURONS, size))
    .sort((a, b) => a - b);
  const raster = new Float32Array(steps * picked.length);
  for (let t = 0; t < steps; t++) picked.forEach((i, k) => (raster[t * picked.length + k] = count(t, i)));
  return { raster, neurons: picked.length };
}

function inputNode(graph: Graph): string {
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  if (inputs.length !== 1) throw new SnnError('DEMO_MODEL', `the demo runs models with one input; this one has ${inputs.length}: pick a model with one input`);
  return inputs[0].id;
}

function outputNode(graph: Graph): string {
  const outputs = graph.nodes.filter((n) => n.kind === 'output');
  if (outputs.length !== 1) throw new SnnError('DEMO_MODEL', `the demo runs models with one output; this one has ${outputs.length}: pick a model with one output`);
  return outputs[0].id;
}
