import type { Citation } from './citation.js';

/**
 * The source of every Loihi figure. The paper's performance table is titled "Loihi pre-silicon
 * performance and energy measurements": its values come from pre-silicon SDF and SPICE
 * simulations, "consistent with early post-silicon characterization" (paper, p. 95).
 */
export const DAVIES_2018 =
  'M. Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip Learning", IEEE Micro 38(1):82-99, 2018, ' +
  'Table 2 "Loihi pre-silicon performance and energy measurements", p. 96';

const loihi = (figure: string, value: number, unit: string): Citation => ({ figure, value, unit, source: DAVIES_2018 });

/**
 * Loihi per-operation energies and times (Davies et al. 2018, quoted row by row). Figures the
 * paper does not give (static/leakage power, host I/O energy) are not used by the estimate.
 */
export const loihiFigures = {
  /** A minimum: real synaptic ops cost at least this. */
  synapticOpEnergy: loihi('Energy per synaptic spike op (min)', 23.6, 'pJ'),
  /** A maximum: real synaptic ops take at most this. */
  synapticOpTime: loihi('Time per synaptic spike op (max)', 3.5, 'ns'),
  synapticUpdateEnergy: loihi('Energy per synaptic update (pairwise STDP)', 120, 'pJ'),
  synapticUpdateTime: loihi('Time per synaptic update (pairwise STDP)', 6.1, 'ns'),
  activeNeuronUpdateEnergy: loihi('Energy per neuron update (active)', 81, 'pJ'),
  inactiveNeuronUpdateEnergy: loihi('Energy per neuron update (inactive)', 52, 'pJ'),
  activeNeuronUpdateTime: loihi('Time per neuron update (active)', 8.4, 'ns'),
  inactiveNeuronUpdateTime: loihi('Time per neuron update (inactive)', 5.3, 'ns'),
  withinTileSpikeEnergy: loihi('Within-tile spike energy', 1.7, 'pJ'),
  withinTileSpikeLatency: loihi('Within-tile spike latency', 2.1, 'ns'),
  tileHopEnergyEastWest: loihi('Energy per tile hop (E-W)', 3.0, 'pJ'),
  tileHopEnergyNorthSouth: loihi('Energy per tile hop (N-S)', 4.0, 'pJ'),
  tileHopLatencyEastWest: loihi('Latency per tile hop (E-W)', 4.1, 'ns'),
  tileHopLatencyNorthSouth: loihi('Latency per tile hop (N-S)', 6.5, 'ns'),
  barrierSyncTimeOneTile: loihi('Mesh-wide barrier sync time (1 tile)', 113, 'ns'),
  barrierSyncTimeAllTiles: loihi('Mesh-wide barrier sync time (32 tiles)', 465, 'ns'),
} as const satisfies Record<string, Citation>;
