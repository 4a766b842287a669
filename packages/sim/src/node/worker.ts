import { parentPort, workerData } from 'node:worker_threads';
import { decodeSnn, isSnnError } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { initBackend } from '../backend/init.js';
import { compile } from '../compile.js';
import type { NeuronLookup, SimInputs, SynapseLookup } from '../options.js';
import type { ShardMessage, ShardRequest } from './protocol.js';

/** Worker side of `runParallel`: compile the graph, run this shard, post the result. */
async function runShard(req: ShardRequest): Promise<ShardMessage> {
  let registries: { neurons: NeuronLookup; synapses: SynapseLookup } = {
    neurons: createNeuronRegistry(),
    synapses: createSynapseRegistry(),
  };
  if (req.registryModule) {
    const mod = (await import(req.registryModule)) as Record<string, () => typeof registries>;
    registries = mod[req.registryExport ?? 'createRegistries']();
  }
  // one backend thread per worker: the workers already use every core
  await initBackend({ threads: 1 });
  const sim = compile(decodeSnn(req.graph), { ...req.compile, ...registries });
  const inputs: Record<string, SimInputs[string]> = {};
  for (const [id, x] of Object.entries(req.inputs)) inputs[id] = x.perStep ? { data: x.data, perStep: true } : x.data;
  const result = sim.run(inputs, {
    nSteps: req.nSteps,
    probes: req.probes,
    onProgress: (done) => parentPort!.postMessage({ kind: 'progress', done } satisfies ShardMessage),
  });
  sim.dispose();
  return { kind: 'result', result };
}

runShard(workerData as ShardRequest).then(
  (msg) => parentPort!.postMessage(msg),
  (e: unknown) => parentPort!.postMessage({ kind: 'error', code: isSnnError(e) ? e.code : undefined, message: (e as Error).message ?? String(e) } satisfies ShardMessage),
);
