import { siValue } from './citation.js';
import { neuronUpdates, type InferenceActivity } from './inference-activity.js';
import { loihiFigures as f } from './loihi-figures.js';
import { term, totalEnergy, type PlatformEstimate, type Range } from './platform-estimate.js';

const exact = (v: number): Range => ({ min: v, max: v });

/**
 * Energy and latency of one inference on Loihi from per-operation figures (Davies et al. 2018).
 * Energy = synaptic ops x E_syn + neuron updates x E_neuron + routed spikes x E_within-tile +
 * tile hops x E_hop. Neuron updates are priced inactive (min) to active (max) unless the active
 * count is given. Latency: the chip's step time depends on activity; its max serializes all of an
 * inference's work on one core plus a 32-tile barrier per step, its min spreads the work evenly
 * over `cores` cores plus a 1-tile barrier per step.
 */
export function estimateLoihi(a: InferenceActivity, cores: number): PlatformEstimate {
  const updates = neuronUpdates(a);
  const routed = a.spikesRouted ?? a.spikes;
  const hops = a.tileHops ?? { eastWest: 0, northSouth: 0 };
  const active = a.activeNeuronUpdates;
  const eActive = siValue(f.activeNeuronUpdateEnergy);
  const eInactive = siValue(f.inactiveNeuronUpdateEnergy);
  const perUpdate: Range =
    active === undefined
      ? { min: eInactive, max: eActive }
      : exact(updates === 0 ? 0 : (active * eActive + (updates - active) * eInactive) / updates);
  const terms = [
    term('synaptic ops', a.synapticOps, exact(siValue(f.synapticOpEnergy))),
    term('neuron updates', updates, perUpdate),
    term('spikes routed (within tile)', routed, exact(siValue(f.withinTileSpikeEnergy))),
    term('tile hops E-W', hops.eastWest, exact(siValue(f.tileHopEnergyEastWest))),
    term('tile hops N-S', hops.northSouth, exact(siValue(f.tileHopEnergyNorthSouth))),
  ];
  const tActive = siValue(f.activeNeuronUpdateTime);
  const tInactive = siValue(f.inactiveNeuronUpdateTime);
  const updateTime = (t: number): number => (active === undefined ? updates * t : active * tActive + (updates - active) * tInactive);
  const otherWork =
    a.synapticOps * siValue(f.synapticOpTime) +
    routed * siValue(f.withinTileSpikeLatency) +
    hops.eastWest * siValue(f.tileHopLatencyEastWest) +
    hops.northSouth * siValue(f.tileHopLatencyNorthSouth);
  const latencyS = {
    min: (otherWork + updateTime(tInactive)) / cores + a.steps * siValue(f.barrierSyncTimeOneTile),
    max: otherWork + updateTime(tActive) + a.steps * siValue(f.barrierSyncTimeAllTiles),
  };
  const notes = [
    'The paper gives the synaptic op energy as a minimum, so the synaptic term is a lower bound.',
    'Static (leakage) power, host, I/O and off-chip layers are not counted: the table gives no figure for them.',
    `Latency max: all work serialized on one core plus a 32-tile barrier sync per step; min: work spread evenly over ${cores} core(s) plus a 1-tile barrier sync per step. The synaptic op time is the table's maximum.`,
    'Figures are pre-silicon simulations (SDF and SPICE) consistent with early post-silicon characterization (paper, p. 95).',
  ];
  if (a.tileHops === undefined) notes.push('Tile hops not counted (no placement on the mesh given).');
  if (active === undefined) notes.push('Active neuron updates unknown: neuron updates priced inactive (min) to active (max).');
  return {
    platform: 'Loihi',
    energyJ: totalEnergy(terms),
    latencyS,
    terms,
    citations: [
      f.synapticOpEnergy, f.activeNeuronUpdateEnergy, f.inactiveNeuronUpdateEnergy, f.withinTileSpikeEnergy,
      f.tileHopEnergyEastWest, f.tileHopEnergyNorthSouth, f.synapticOpTime, f.activeNeuronUpdateTime,
      f.inactiveNeuronUpdateTime, f.withinTileSpikeLatency, f.tileHopLatencyEastWest, f.tileHopLatencyNorthSouth,
      f.barrierSyncTimeOneTile, f.barrierSyncTimeAllTiles,
    ],
    notes,
  };
}
