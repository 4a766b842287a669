import type { CompileOptions, NodeStats, ProbeSpec, RunResult } from '../options.js';

/** Compile options that can cross a thread boundary (registries are rebuilt in the worker). */
export type PortableCompileOptions = Omit<CompileOptions, 'neurons' | 'synapses'>;

/** Main thread -> worker: one shard of a run. */
export interface ShardRequest {
  readonly graph: Uint8Array;
  readonly compile: PortableCompileOptions;
  readonly nSteps: number;
  readonly probes: Readonly<Record<string, ProbeSpec>>;
  /** Input data of this shard; `perStep` marks NengoDL-layout inputs. */
  readonly inputs: Readonly<Record<string, { data: Float32Array; perStep: boolean }>>;
  /** Module whose export `registryExport` (default `createRegistries`) returns `{ neurons, synapses }`. */
  readonly registryModule?: string;
  readonly registryExport?: string;
}

/** Worker -> main thread messages. */
export type ShardMessage =
  | { readonly kind: 'progress'; readonly done: number }
  | { readonly kind: 'result'; readonly result: RunResult }
  | { readonly kind: 'error'; readonly code?: string; readonly message: string };

/** Stats of several shards merged: sums of spikes and SynOps, sample-weighted rates. */
export function mergeStats(parts: ReadonlyArray<{ samples: number; stats: Record<string, NodeStats> }>): Record<string, NodeStats> {
  const total = parts.reduce((a, p) => a + p.samples, 0);
  const out: Record<string, NodeStats> = {};
  for (const id of Object.keys(parts[0]?.stats ?? {})) {
    const size = parts[0].stats[id].perNeuronHz.length;
    const perNeuronHz = new Float32Array(size);
    let firingRateHz = 0;
    let synops = 0;
    let spikes = 0;
    for (const p of parts) {
      const s = p.stats[id];
      const w = p.samples / total;
      for (let i = 0; i < size; i++) perNeuronHz[i] += s.perNeuronHz[i] * w;
      firingRateHz += s.firingRateHz * w;
      synops += s.synops;
      spikes += s.spikes;
    }
    out[id] = { firingRateHz, perNeuronHz, synops, spikes };
  }
  return out;
}
