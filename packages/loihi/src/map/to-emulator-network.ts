import type { LoihiEmulatorNetwork, LoihiEmulatorSynapse, LoihiSpikeInput } from '../emulator/types.js';
import type { LoihiMapping } from './map-to-loihi.js';
import { sizeOf } from './current-per-spike.js';

/**
 * The `LoihiEmulator` network of a mapping: one block per chip layer, the `W_int` of each
 * connection (a dense matrix, or a conv kernel as a `ConvSynapse`), and the last host layer's spikes as a spike input labelled with its node id
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
    synapses: mapping.layers.flatMap((l): LoihiEmulatorSynapse[] => {
      if (l.source === undefined) return [];
      const weights = l.block.synapses[0]!.weights;
      return [l.conv ? { kind: 'conv2d', source: l.source, target: l.name, ...l.conv, kernel: weights } : { source: l.source, target: l.name, weights }];
    }),
  };
}
