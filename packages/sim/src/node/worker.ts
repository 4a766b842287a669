import { parentPort } from 'node:worker_threads';
import { decodeSnn, isSnnError } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { initBackend } from '../backend/init.js';
import { compile } from '../compile.js';
import type { NeuronLookup, SimInputs, SynapseLookup } from '../options.js';
import type { ShardMessage, ShardRequest } from './protocol.js';

/**
 * A long-lived worker of a {@link SimWorkerPool}: each message is one shard of a run
 * (`{ id, request }`); it compiles the graph, runs the shard and replies with progress
 * messages and a result or an error, all tagged with `id`.
 */
type Registries = { neurons: NeuronLookup; synapses: SynapseLookup };
const registryCache = new Map<string, Registries>();

async function registriesFor(req: ShardRequest): Promise<Registries> {
  const key = `${req.registryModule ?? ''}#${req.registryExport ?? ''}`;
  let r = registryCache.get(key);
  if (!r) {
    if (req.registryModule) {
      const mod = (await import(req.registryModule)) as Record<string, () => Registries>;
      r = mod[req.registryExport ?? 'createRegistries']();
    } else {
      r = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
    }
    registryCache.set(key, r);
  }
  return r;
}

async function runShard(id: number, req: ShardRequest): Promise<ShardMessage> {
  const registries = await registriesFor(req);
  // one backend thread per worker: the workers already use every core
  await initBackend({ threads: 1 });
  const sim = compile(decodeSnn(req.graph), { ...req.compile, ...registries });
  const inputs: Record<string, SimInputs[string]> = {};
  for (const [name, x] of Object.entries(req.inputs)) inputs[name] = x.perStep ? { data: x.data, perStep: true } : x.data;
  try {
    const result = sim.run(inputs, {
      nSteps: req.nSteps,
      probes: req.probes,
      onProgress: (done) => parentPort!.postMessage({ id, message: { kind: 'progress', done } satisfies ShardMessage }),
    });
    return { kind: 'result', result };
  } finally {
    sim.dispose();
  }
}

parentPort!.on('message', ({ id, request }: { id: number; request: ShardRequest }) => {
  runShard(id, request).then(
    (message) => parentPort!.postMessage({ id, message }),
    (e: unknown) =>
      parentPort!.postMessage({
        id,
        message: { kind: 'error', code: isSnnError(e) ? e.code : undefined, message: (e as Error).message ?? String(e) } satisfies ShardMessage,
      }),
  );
});
