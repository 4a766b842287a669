import type { LoihiEmulatorNetwork, LoihiSpikeInput } from '../emulator/types.js';
import type { LoihiMapping } from './map-to-loihi.js';
import { sizeOf } from './current-per-spike.js';

/**
 * The `LoihiEmulator` network of a mapping: one block per chip layer, the dense `W_int` of each
 * connection, and the last host layer's spikes as a spike input labelled with its node id
 * (host step k's spikes reach the chip on step k + 1, spec §3.2).
 */
export function toEmulatorNetwork(mapping: LoihiMapping): LoihiEmulatorNetwork {
  const host = mapping.hostLayers[mapping.hostLayers.length - 1];
  const inputs: LoihiSpikeInput[] = host ? [{ label: host.neurons.id, nAxons: sizeOf(host.shape) }] : [];
  return {
    inputs,
    blocks: mapping.layers.map(({ name, block }) => ({
      label: name,
      decayU: block.decayU,
      decayV: block.decayV,
      vth: block.vth,
      bias: block.bias,
      refractDelay: block.refractDelay,
      vmin: block.vmin,
      vmax: block.vmax,
    })),
    synapses: mapping.layers.flatMap((l) => (l.source === undefined ? [] : [{ source: l.source, target: l.name, weights: l.block.synapses[0]!.weights }])),
  };
}
