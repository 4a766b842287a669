import type { Graph } from '@snn/ir';
import { loihiError } from '../error-codes.js';
import { createCompartment, type CompartmentConfig } from '../discretize/compartment-config.js';
import { configureDefaultFilter, configureFilter } from '../discretize/configure-filter.js';
import { configureLif, configureRelu } from '../discretize/configure-neuron.js';
import { discretizeBlock, type DiscretizedBlock } from '../discretize/discretize-block.js';
import type { WeightQuantization } from '../discretize/discretize-synapse.js';
import { readChain, type Chain, type ChainLayer, type ChainOptions } from './chain.js';
import { amplitudeOf, compartmentBias, currentPerSpike, sizeOf } from './current-per-spike.js';
import { convGeometry, type ConvGeometry } from './conv-geometry.js';

/** Nengo Loihi's `decode_tau`: the input filter of a block no connection sets one for (s). */
export const DECODE_TAU = 0.005;

/** Options of {@link mapToLoihi}. */
export interface MapToLoihiOptions extends ChainOptions {
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
  /** Receives Nengo Loihi's build warnings. */
  readonly onWarning?: (message: string) => void;
}

/** One on-chip population in chip integers. */
export interface MappedLayer {
  /** The neurons node id; the emulator block's label. */
  readonly name: string;
  /** Label of what feeds it (an off-chip layer's id, the previous block's), or undefined without a connection. */
  readonly source?: string;
  /** For a conv connection: its geometry (the block's one synapse then holds the kernel, HWIO). */
  readonly conv?: ConvGeometry;
  /** Compartments and the synapse into them (at most one). */
  readonly block: DiscretizedBlock;
  /** What weight quantization changed (chip units), undefined without a connection. */
  readonly quantization?: WeightQuantization;
}

/** A graph mapped to Loihi: the chain it was read as, the host layers and the discretized chip layers. */
export interface LoihiMapping {
  readonly chain: Chain;
  /** Time step (s). */
  readonly dt: number;
  /** Populations run on the host (a prefix of the chain). */
  readonly hostLayers: readonly ChainLayer[];
  /** Populations on the chip, in order. */
  readonly layers: readonly MappedLayer[];
}

/**
 * Map a sequential graph to Loihi (spec §2): each on-chip neurons node becomes a block (LIF or
 * spiking-ReLU compartments with vth 1 or 1/dt, the neurons' bias, the edge's lowpass as the input
 * filter), its incoming dense/conv weights become current per spike and everything is discretized
 * with `discretizeBlock`. A first population fed straight from the input with gain 0 has no
 * connection and gets the default `decode_tau` filter. Throws `LOIHI_UNSUPPORTED`/`LOIHI_BUILD`.
 */
export function mapToLoihi(graph: Graph, options: MapToLoihiOptions = {}): LoihiMapping {
  const dt = options.dt ?? 0.001;
  const chain = readChain(graph, options);
  const firstChip = chain.layers.findIndex((l) => !l.offChip);
  if (firstChip < 0) {
    throw loihiError('LOIHI_BUILD', 'No neurons marked for execution on-chip. Please mark some ensembles as on-chip (leave them out of offChip).', 'offChip');
  }
  const hostLayers = chain.layers.slice(0, firstChip);
  const chipLayers = chain.layers.slice(firstChip);
  const late = chipLayers.find((l) => l.offChip);
  if (late) throw loihiError('LOIHI_UNSUPPORTED', `"${late.neurons.id}" is off-chip after on-chip layers; only the first layers can run on the host`, late.neurons.id);
  const layers = chipLayers.map((layer, i) => mapLayer(layer, chain.layers[firstChip + i - 1], dt, options.onWarning));
  return { chain, dt, hostLayers, layers };
}

function mapLayer(layer: ChainLayer, prev: ChainLayer | undefined, dt: number, onWarning?: (m: string) => void): MappedLayer {
  const name = layer.neurons.id;
  let comp = createCompartment(sizeOf(layer.shape), { label: name, bias: compartmentBias(layer) });
  comp = configureNeurons(comp, layer, dt);
  if (prev === undefined) {
    const gain = layer.neurons.gain?.data ?? [1];
    if (layer.transform !== undefined || gain.some((g) => g !== 0)) {
      throw loihiError('LOIHI_UNSUPPORTED', `"${name}" reads the graph input on chip; run the first population off-chip (offChip: ["${name}"]) so its spikes feed the chip`, name);
    }
    return { name, block: discretizeBlock(configureDefaultFilter(comp, DECODE_TAU, dt)) };
  }
  if (layer.transform === undefined) {
    throw loihiError('LOIHI_UNSUPPORTED', `"${name}" follows "${prev.neurons.id}" without a dense or conv transform`, name);
  }
  comp = configureFilter(comp, layer.tauS, { dt, onWarning });
  const block = discretizeBlock(comp, [{ weights: currentPerSpike(layer, amplitudeOf(prev.neurons), dt) }]);
  const conv = layer.transform.kind === 'conv' ? convGeometry(layer) : undefined;
  return { name, source: prev.neurons.id, ...(conv ? { conv } : {}), block, quantization: block.synapses[0]!.quantization };
}

function configureNeurons(comp: CompartmentConfig, layer: ChainLayer, dt: number): CompartmentConfig {
  const p = layer.neurons.params ?? {};
  if (layer.kind === 'lif') {
    return configureLif(comp, { tauRc: p.tauRc ?? 0.02, tauRef: p.tauRef ?? 0.002, minVoltage: p.minVoltage ?? 0, dt });
  }
  return configureRelu(comp, { vth: 1 / dt, dt });
}
