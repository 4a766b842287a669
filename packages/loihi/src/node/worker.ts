import { decodeSnn } from '@snn/ir';
import { initBackend, type NeuronLookup, type SynapseLookup } from '@snn/sim';
import { serveShards } from '@snn/sim/node';
import { emulateShard, type ClassifierShard } from '../map/emulate-shard.js';
import { mapToLoihi } from '../map/map-to-loihi.js';
import type { ClassifierShardRequest } from './shard-request.js';

/**
 * A worker of `emulateClassifierParallel`: maps the graph, emulates its shard of images and
 * replies with the shard's raw counts (predictions and saturation flags moved, not copied).
 */
serveShards<ClassifierShardRequest, ClassifierShard>(
  async (req, progress) => {
    const mod = (await import(req.registryModule)) as Record<string, () => { neurons: NeuronLookup; synapses: SynapseLookup }>;
    // one backend thread per worker: the workers already use the cores
    await initBackend({ threads: 1 });
    const graph = decodeSnn(req.graph);
    const mapping = mapToLoihi(graph, req.map);
    return emulateShard(mapping, graph, req.images, { ...req.settings, registries: mod[req.registryExport ?? 'createRegistries']!(), onProgress: progress });
  },
  (shard) => [shard.predictions.buffer as ArrayBuffer, ...Object.values(shard.saturated).map((f) => f.buffer as ArrayBuffer)],
);
