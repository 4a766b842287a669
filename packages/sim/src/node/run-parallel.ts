import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { encodeSnn, SnnError, type Graph } from '@snn/ir';
import type { CompileOptions, ProbeSpec, RunOptions, RunResult, SimInputs } from '../options.js';
import { compile } from '../compile.js';
import { mergeStats, type ShardMessage, type ShardRequest } from './protocol.js';

/** Options of {@link runParallel}. */
export interface ParallelOptions {
  /** Worker threads (default: the machine's cores). 1 runs on the calling thread. */
  readonly workers?: number;
  /**
   * For neuron or synapse types that are not built in: a module URL (e.g.
   * `new URL('./my-types.js', import.meta.url).href`) whose export `registryExport`
   * (default `createRegistries`) returns `{ neurons, synapses }` in each worker.
   */
  readonly registryModule?: string;
  readonly registryExport?: string;
}

/**
 * Run a simulation with the samples split across worker threads, each compiling the graph
 * and running its share; probes are concatenated in sample order and statistics merged.
 * Results equal a single-threaded run with the same options (every sample's initial state
 * is the seed's, whatever shard it lands in). Node only.
 */
export async function runParallel(
  graph: Graph,
  options: CompileOptions,
  inputs: SimInputs,
  run: RunOptions = {},
  parallel: ParallelOptions = {},
): Promise<RunResult> {
  const nSteps = run.nSteps ?? 1;
  const sim = compile(graph, options); // validates graph and inputs on this thread, errors surface here
  const probes: Record<string, ProbeSpec> = { ...(run.probes ?? Object.fromEntries(sim.outputIds.map((id) => [id, { node: id }]))) };
  const entries = Object.entries(inputs).map(([id, x]) => {
    const perStep = !(x instanceof Float32Array);
    const data = x instanceof Float32Array ? x : x.data;
    const size = sim.inputSize(id);
    return { id, data, perStep, per: perStep ? size * nSteps : size };
  });
  const samples = entries.length ? entries[0].data.length / entries[0].per : 0;
  const workers = Math.max(1, Math.min(parallel.workers ?? availableParallelism(), Math.ceil(samples / (options.batchSize ?? 100))));
  if (workers === 1) return sim.run(inputs, run);
  sim.dispose();

  const graphBytes = encodeSnn(graph);
  const { neurons: _n, synapses: _s, ...portable } = options;
  const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round((w * samples) / workers));
  const done = new Array<number>(workers).fill(0);
  const shards = bounds.slice(0, -1).map((start, w) => {
    const end = bounds[w + 1];
    const shardInputs: ShardRequest['inputs'] = Object.fromEntries(
      entries.map((e) => [e.id, { data: e.data.slice(start * e.per, end * e.per), perStep: e.perStep }]),
    );
    const request: ShardRequest = {
      graph: graphBytes,
      compile: portable,
      nSteps,
      probes,
      inputs: shardInputs,
      registryModule: parallel.registryModule,
      registryExport: parallel.registryExport,
    };
    return new Promise<RunResult>((resolve, reject) => {
      // execArgv: [] so the worker resolves packages to their built code even under a test runner
      const worker = new Worker(workerUrl(), { workerData: request, execArgv: [] });
      worker.on('message', (msg: ShardMessage) => {
        if (msg.kind === 'progress') {
          done[w] = msg.done;
          run.onProgress?.(done.reduce((a, b) => a + b, 0), samples);
        } else if (msg.kind === 'result') {
          resolve(msg.result);
          void worker.terminate();
        } else {
          reject(new SnnError(msg.code ?? 'SIM_WORKER', `worker ${w + 1}/${workers} failed: ${msg.message}`));
          void worker.terminate();
        }
      });
      worker.on('error', (e) => reject(new SnnError('SIM_WORKER', `worker ${w + 1}/${workers} crashed: ${e.message}`, { cause: e })));
    });
  });
  const parts = await Promise.all(shards);
  return mergeResults(parts, bounds, nSteps);
}

function mergeResults(parts: RunResult[], bounds: number[], nSteps: number): RunResult {
  const samples = bounds[bounds.length - 1];
  const probes: RunResult['probes'] = {};
  for (const name of Object.keys(parts[0].probes)) {
    const shape = [samples, ...parts[0].probes[name].shape.slice(1)];
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    let offset = 0;
    for (const p of parts) {
      data.set(p.probes[name].data, offset);
      offset += p.probes[name].data.length;
    }
    probes[name] = { shape, data };
  }
  const propagation: Record<string, { event: number; dense: number }> = {};
  for (const p of parts)
    for (const [id, c] of Object.entries(p.propagation)) {
      const t = (propagation[id] ??= { event: 0, dense: 0 });
      t.event += c.event;
      t.dense += c.dense;
    }
  const stats = mergeStats(parts.map((p) => ({ samples: p.samples, stats: p.stats })));
  const synops = parts.reduce((a, p) => a + p.synops, 0);
  const warnings = [...new Set(parts.flatMap((p) => p.warnings))];
  return { probes, stats, synops, samples, nSteps, propagation, warnings };
}

/** The compiled worker script (from sources under test, the package's built copy). */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/node/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}
