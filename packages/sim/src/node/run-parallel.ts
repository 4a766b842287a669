import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { encodeSnn, inferShapes, SnnError, type Graph } from '@snn/ir';
import type { CompileOptions, ProbeSpec, RunOptions, RunResult, SimInputs } from '../options.js';
import { compile } from '../compile.js';
import { autoBatchSize } from '../batch-size.js';
import { mergeStats, type ShardMessage, type ShardRequest } from './protocol.js';
import { builtWorkerUrl } from './shard-workers.js';

/** Options of {@link runParallel} and {@link SimWorkerPool}. */
export interface ParallelOptions {
  /** Worker threads (default: the machine's cores). */
  readonly workers?: number;
  /**
   * For neuron or synapse types that are not built in: a module URL (e.g.
   * `new URL('./my-types.js', import.meta.url).href`) whose export `registryExport`
   * (default `createRegistries`) returns `{ neurons, synapses }` in each worker.
   */
  readonly registryModule?: string;
  readonly registryExport?: string;
}

type Pending = { resolve: (r: RunResult) => void; reject: (e: Error) => void; onProgress: (done: number) => void; worker: number; batch: string };

/**
 * Worker threads that simulate shards of a run: the samples' batches are dealt round-robin to
 * the workers, each compiles the graph and runs its share; probes are put back in sample order and
 * statistics merged. Results equal a single-threaded run with the same options (every
 * sample's initial state is the seed's, whatever shard it lands in). The workers start once
 * and serve every run until {@link close}. Node only.
 */
export class SimWorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  /** Why each worker that stopped did (a stopped worker fails every later run at once instead of hanging). */
  private readonly stopped = new Map<number, string>();
  private closing = false;
  private nextId = 0;

  constructor(private readonly parallel: ParallelOptions = {}) {
    this.size = Math.max(1, Math.floor(parallel.workers ?? availableParallelism()));
    this.workers = Array.from({ length: this.size }, (_, w) => {
      // execArgv: [] so the worker resolves packages to their built code even under a test runner
      const worker = new Worker(builtWorkerUrl(import.meta.url, 'worker.js', 'node'), { execArgv: [] });
      worker.on('message', ({ id, message }: { id: number; message: ShardMessage }) => this.onMessage(id, message));
      worker.on('error', (e) => this.failWorker(w, `crashed: ${e.message}`, e));
      // a worker that exits (process.exit in a module it loaded, out of memory, terminated) ends its shards
      worker.on('exit', (code) => this.failWorker(w, `stopped (exit code ${code})`));
      worker.unref();
      return worker;
    });
  }

  /** Simulate `inputs` like `compile(graph, options).run(inputs, run)`, split across the workers. */
  async run(graph: Graph, options: CompileOptions, inputs: SimInputs, run: RunOptions = {}): Promise<RunResult> {
    const nSteps = run.nSteps ?? 1;
    inferShapes(graph); // validates here (no backend needed), so graph errors surface on this thread
    const outputs = graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
    const probes: Record<string, ProbeSpec> = { ...(run.probes ?? Object.fromEntries(outputs.map((id) => [id, { node: id }]))) };
    const entries = Object.entries(inputs).map(([id, x]) => {
      const perStep = !(x instanceof Float32Array);
      const data = x instanceof Float32Array ? x : x.data;
      const node = graph.nodes.find((n) => n.id === id);
      if (node?.kind !== 'input') throw new SnnError('SIM_UNKNOWN_INPUT', `'${id}' is not an input node of the graph`, { where: id });
      const size = node.shape.reduce((a, b) => a * b, 1);
      return { id, data, perStep, per: perStep ? size * nSteps : size };
    });
    const samples = entries.length ? entries[0].data.length / entries[0].per : 0;
    if (this.stopped.size > 0) {
      const [w, why] = [...this.stopped][0];
      throw new SnnError('SIM_WORKER', `worker ${w + 1}/${this.size} of this pool ${why}; start a new SimWorkerPool`);
    }
    // batches dealt round-robin: neighbouring samples cost alike, so every worker gets a like
    // share of the work (contiguous halves of MNIST's test set differ by ~7%)
    const batchSize = options.batchSize ?? autoBatchSize(graph, options.mode);
    const shards = Math.max(1, Math.min(this.size, Math.ceil(samples / batchSize)));
    const deal = dealBatches(samples, batchSize, shards);
    const graphBytes = encodeSnn(graph);
    // the workers batch as the deal does (and need not work the default out again)
    const { neurons: _n, synapses: _s, ...rest } = options;
    const portable = { ...rest, batchSize };
    const done = new Array<number>(shards).fill(0);
    const parts = await Promise.all(
      deal.map((ranges, w) => {
        const request: ShardRequest = {
          graph: graphBytes,
          compile: portable,
          nSteps,
          probes,
          inputs: Object.fromEntries(entries.map((e) => [e.id, { data: gatherRows(e.data, e.per, ranges), perStep: e.perStep }])),
          registryModule: this.parallel.registryModule,
          registryExport: this.parallel.registryExport,
        };
        return new Promise<RunResult>((resolve, reject) => {
          const id = this.nextId++;
          const onProgress = (d: number): void => {
            done[w] = d;
            run.onProgress?.(done.reduce((a, b) => a + b, 0), samples);
          };
          this.pending.set(id, { resolve, reject, onProgress, worker: w, batch: describeRanges(ranges, samples) });
          this.workers[w].ref();
          this.workers[w].postMessage({ id, request });
        });
      }),
    );
    return mergeResults(parts, deal, samples, nSteps);
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onMessage(id: number, message: ShardMessage): void {
    const p = this.pending.get(id);
    if (!p) return;
    if (message.kind === 'progress') return p.onProgress(message.done);
    this.pending.delete(id);
    if (![...this.pending.values()].some((q) => q.worker === p.worker)) this.workers[p.worker].unref();
    if (message.kind === 'result') p.resolve(message.result);
    else p.reject(new SnnError(message.code ?? 'SIM_WORKER', `worker ${p.worker + 1}/${this.size} failed on ${p.batch}: ${message.message}`));
  }

  /** Worker `w` crashed or exited: reject its shards with an error naming the samples each held. */
  private failWorker(w: number, why: string, cause?: Error): void {
    if (this.closing) return;
    if (!this.stopped.has(w)) this.stopped.set(w, why);
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(new SnnError('SIM_WORKER', `worker ${w + 1}/${this.size} ${why} while simulating ${p.batch}`, cause ? { cause } : {}));
    }
  }
}

/**
 * One run split across `parallel.workers` worker threads (a {@link SimWorkerPool} started
 * for this run and closed after it); with one worker or one batch of samples it runs here.
 */
export async function runParallel(
  graph: Graph,
  options: CompileOptions,
  inputs: SimInputs,
  run: RunOptions = {},
  parallel: ParallelOptions = {},
): Promise<RunResult> {
  const workers = Math.max(1, parallel.workers ?? availableParallelism());
  if (workers === 1) {
    // dispose: the compiled transforms hold backend memory that repeated runs would otherwise pile up
    const sim = compile(graph, options);
    try {
      return sim.run(inputs, run);
    } finally {
      sim.dispose();
    }
  }
  const pool = new SimWorkerPool({ ...parallel, workers });
  try {
    return await pool.run(graph, options, inputs, run);
  } finally {
    await pool.close();
  }
}

/**
 * The sample ranges `[start, end)` of each of `shards` workers: batches of `batchSize` samples
 * dealt round-robin (worker w gets batches w, w + shards, ...).
 */
export function dealBatches(samples: number, batchSize: number, shards: number): Array<Array<[number, number]>> {
  const deal = Array.from({ length: shards }, () => [] as Array<[number, number]>);
  for (let b = 0, start = 0; start < samples; b++, start += batchSize) deal[b % shards].push([start, Math.min(samples, start + batchSize)]);
  return deal;
}

/** The samples of a worker's ranges, for errors: `samples 0-99, 200-299 of 400` (the first three ranges, then `...`). */
function describeRanges(ranges: ReadonlyArray<readonly [number, number]>, samples: number): string {
  const shown = ranges.slice(0, 3).map(([a, b]) => (b - a === 1 ? `${a}` : `${a}-${b - 1}`));
  return `samples ${shown.join(', ')}${ranges.length > 3 ? `, ... (${ranges.length} batches)` : ''} of ${samples}`;
}

/** The rows (`per` values each) of `data` in `ranges`, one after the other. */
function gatherRows(data: Float32Array, per: number, ranges: ReadonlyArray<readonly [number, number]>): Float32Array {
  const out = new Float32Array(ranges.reduce((n, [a, b]) => n + (b - a), 0) * per);
  let at = 0;
  for (const [a, b] of ranges) {
    out.set(data.subarray(a * per, b * per), at);
    at += (b - a) * per;
  }
  return out;
}

function mergeResults(parts: RunResult[], deal: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, samples: number, nSteps: number): RunResult {
  const probes: RunResult['probes'] = {};
  for (const name of Object.keys(parts[0].probes)) {
    const shape = [samples, ...parts[0].probes[name].shape.slice(1)];
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const per = data.length / samples;
    parts.forEach((p, w) => {
      let at = 0;
      for (const [a, b] of deal[w]) {
        data.set(p.probes[name].data.subarray(at, at + (b - a) * per), a * per);
        at += (b - a) * per;
      }
    });
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
