import { loihiError } from '../error-codes.js';
import { estimateCpu, estimateGpu } from './estimate-conventional.js';
import { estimateLoihi } from './estimate-loihi.js';
import type { InferenceActivity } from './inference-activity.js';
import type { PlatformEstimate } from './platform-estimate.js';

/** Options of {@link estimateEnergy}. */
export interface EnergyOptions {
  /** Loihi cores the network occupies (from the partition); the latency minimum spreads work over them. Default 1. */
  readonly cores?: number;
}

/** Energy and latency per inference on Loihi, a CPU and a GPU, each with its cited figures. */
export interface EnergyReport {
  /** The counts the estimate priced. */
  readonly activity: InferenceActivity;
  /** Loihi, then the CPU and the GPU running the network as an ANN. */
  readonly platforms: readonly PlatformEstimate[];
}

const COUNTS = ['steps', 'compartments', 'spikes', 'synapticOps', 'macs', 'spikesRouted', 'activeNeuronUpdates'] as const;

/**
 * Energy (J) and latency (s) per inference from per-inference counts, priced with published
 * per-operation figures: Loihi (Davies et al. 2018), and the same network as an ANN on a CPU
 * (Horowitz 2014) and a GPU (Tesla V100 specification). See each platform's notes for its bounds.
 */
export function estimateEnergy(activity: InferenceActivity, options: EnergyOptions = {}): EnergyReport {
  for (const key of COUNTS) {
    const v = activity[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0))
      throw loihiError('LOIHI_BAD_ARGUMENT', `activity.${key} must be a finite count >= 0, got ${v}`, key);
  }
  if (activity.activeNeuronUpdates !== undefined && activity.activeNeuronUpdates > activity.compartments * activity.steps)
    throw loihiError('LOIHI_BAD_ARGUMENT', `activity.activeNeuronUpdates (${activity.activeNeuronUpdates}) exceeds the neuron updates (compartments x steps = ${activity.compartments * activity.steps})`, 'activeNeuronUpdates');
  const cores = options.cores ?? 1;
  if (!Number.isInteger(cores) || cores < 1) throw loihiError('LOIHI_BAD_ARGUMENT', `cores must be a positive integer, got ${cores}`, 'cores');
  return { activity, platforms: [estimateLoihi(activity, cores), estimateCpu(activity), estimateGpu(activity)] };
}
