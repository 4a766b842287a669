import { siValue } from './citation.js';
import { cpuFigures, gpuFigures } from './conventional-figures.js';
import type { InferenceActivity } from './inference-activity.js';
import { term, totalEnergy, type PlatformEstimate } from './platform-estimate.js';

/**
 * The network as an ANN on a CPU: MACs x (32-bit float multiply + add) at 45 nm (Horowitz 2014).
 * Arithmetic only, so a lower bound; no cited figure gives a CPU's time per MAC.
 */
export function estimateCpu(a: InferenceActivity): PlatformEstimate {
  const perMac = siValue(cpuFigures.floatMultEnergy) + siValue(cpuFigures.floatAddEnergy);
  const terms = [term('MACs (32-bit float mult + add)', a.macs, { min: perMac, max: perMac })];
  return {
    platform: 'CPU (45 nm arithmetic)',
    energyJ: totalEnergy(terms),
    latencyS: { min: null, max: null },
    terms,
    citations: [cpuFigures.floatMultEnergy, cpuFigures.floatAddEnergy],
    notes: [
      'Arithmetic energy only, at 45 nm: instruction fetch and decode, registers, caches and DRAM, which dominate on a real CPU, are not counted, so this is a lower bound.',
      'Latency not estimated: the cited source gives energies, not times.',
    ],
  };
}

/**
 * The network as an ANN on a GPU (Tesla V100): 2 FLOPs per MAC at the board power over the peak
 * FP32 throughput (300 W / 15 TFLOP/s = 20 pJ/FLOP). Both energy and latency are best cases.
 */
export function estimateGpu(a: InferenceActivity): PlatformEstimate {
  const peak = siValue(gpuFigures.peakFp32);
  const perFlop = siValue(gpuFigures.boardPower) / peak;
  const terms = [term('FLOPs (2 per MAC)', 2 * a.macs, { min: perFlop, max: perFlop })];
  return {
    platform: 'GPU (Tesla V100)',
    energyJ: totalEnergy(terms),
    latencyS: { min: (2 * a.macs) / peak, max: null },
    terms,
    citations: [gpuFigures.peakFp32, gpuFigures.boardPower],
    notes: [
      'Energy per FLOP = TDP / peak FP32 throughput: the GPU at full load and full utilization. A small batch-1 inference runs far below peak throughput, so real energy per inference is higher: a lower bound.',
      'Latency min = FLOPs / peak throughput; kernel launch and host transfers (microseconds) are not counted, and no cited figure bounds them, so there is no max.',
    ],
  };
}
