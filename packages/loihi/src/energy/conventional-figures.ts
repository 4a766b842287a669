import type { Citation } from './citation.js';

/** Horowitz's energy table: 45 nm CMOS at 0.9 V, arithmetic only (no instruction, cache or DRAM energy). */
export const HOROWITZ_2014 =
  'M. Horowitz, "1.1 Computing\'s energy problem (and what we can do about it)", IEEE ISSCC Digest of Technical Papers, ' +
  'pp. 10-14, 2014, energy table (45 nm, 0.9 V)';

/**
 * NVIDIA's Tesla V100 (SXM2) specification: peak FP32 throughput and board power (TDP). Their
 * ratio is the energy per FLOP at full load and peak throughput, the best case a GPU reaches.
 */
export const NVIDIA_V100 =
  'NVIDIA, "Inside Volta: The World\'s Most Advanced Data Center GPU", NVIDIA Developer Blog, May 2017, ' +
  'Tesla product comparison table (Tesla V100: Peak FP32 TFLOP/s 15, TDP 300 W)';

/** CPU-side figures: one 32-bit float multiply-accumulate is a multiply plus an add. */
export const cpuFigures = {
  floatMultEnergy: { figure: '32-bit float multiply (45 nm)', value: 3.7, unit: 'pJ', source: HOROWITZ_2014 },
  floatAddEnergy: { figure: '32-bit float add (45 nm)', value: 0.9, unit: 'pJ', source: HOROWITZ_2014 },
} as const satisfies Record<string, Citation>;

/** GPU-side figures (Tesla V100). A MAC is two FLOPs. */
export const gpuFigures = {
  peakFp32: { figure: 'Tesla V100 peak FP32 throughput', value: 15, unit: 'TFLOP/s', source: NVIDIA_V100 },
  boardPower: { figure: 'Tesla V100 TDP', value: 300, unit: 'W', source: NVIDIA_V100 },
} as const satisfies Record<string, Citation>;
