import { loihiError } from '../error-codes.js';
import type { LoihiLayer } from '../resources/layer.js';
import { annMacs, connectionSynapses } from './connection-synapses.js';
import type { InferenceActivity } from './inference-activity.js';

/**
 * Per-inference counts of a chain network from the spikes each layer emitted during one
 * inference (summed over its `steps`): on-chip compartments, spikes delivered to on-chip layers,
 * synaptic ops (spikes x the mean fan-out of their layer, exact for dense connections and for
 * uniform activity in conv layers) and the ANN's MACs. Spikes into off-chip layers cost the chip
 * no synaptic op.
 */
export function countActivity(layers: readonly LoihiLayer[], spikes: Readonly<Record<string, number>>, steps: number): InferenceActivity {
  if (!Number.isInteger(steps) || steps < 1)
    throw loihiError('LOIHI_BAD_ARGUMENT', `steps must be a positive integer, got ${steps}`, 'steps');
  let compartments = 0;
  let delivered = 0;
  let synapticOps = 0;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const n = layer.shape.reduce((a, b) => a * b, 1);
    if (layer.offChip !== true) compartments += n;
    const next = layers[i + 1];
    if (next === undefined || next.offChip === true) continue;
    const s = spikes[layer.name];
    if (s === undefined || !(s >= 0))
      throw loihiError('LOIHI_BAD_ARGUMENT', `${layer.name}: no spike count given; pass spikes.${layer.name} (spikes per inference, >= 0)`, layer.name);
    delivered += s;
    synapticOps += (s * connectionSynapses(layers, i + 1)) / n;
  }
  return { steps, compartments, spikes: delivered, synapticOps, macs: annMacs(layers) };
}

/** Spikes per inference of each layer from its mean firing rate (Hz) over `steps` steps of `dt` seconds: the input of {@link countActivity}. */
export function spikesFromRates(layers: readonly LoihiLayer[], firingRateHz: Readonly<Record<string, number>>, steps: number, dt: number): Record<string, number> {
  return Object.fromEntries(layers.map((l) => [l.name, (firingRateHz[l.name] ?? 0) * steps * dt * l.shape.reduce((a, b) => a * b, 1)]));
}
