import { Worker, parentPort, type TransferListItem } from 'node:worker_threads';
import { SnnError, isSnnError } from '@snn/ir';

/** Worker -> main thread messages of one shard: progress, its result, or its error. */
export type WorkerShardMessage<R> =
  | { readonly kind: 'progress'; readonly done: number }
  | { readonly kind: 'result'; readonly result: R }
  | { readonly kind: 'error'; readonly code?: string; readonly message: string };

/** One shard for {@link runShardWorkers}: the request posted to its worker and the buffers moved with it. */
export interface WorkerShard<Q> {
  readonly request: Q;
  readonly transfer?: readonly TransferListItem[];
  /** What the shard holds, named in its errors (e.g. `images 100-199 of 400`). */
  readonly batch?: string;
}

/** Options of {@link runShardWorkers}. */
export interface ShardWorkersOptions {
  /** Error code of a crashed or failed shard whose error has none (e.g. `SIM_WORKER`). */
  readonly code: string;
  /** Items done over all shards, called whenever a shard reports progress. */
  readonly onProgress?: (done: number) => void;
}

/**
 * `samples` split into `shards` contiguous ranges: `shards + 1` bounds from 0 to `samples`,
 * each a multiple of `multiple` (except the last), so shards hold whole batches.
 */
export function shardBounds(samples: number, shards: number, multiple = 1): number[] {
  return Array.from({ length: shards + 1 }, (_, w) => (w === shards ? samples : Math.min(samples, Math.round((w * samples) / shards / multiple) * multiple)));
}

/**
 * The URL of a worker script `file` next to the module at `moduleUrl`, as built: a module
 * loaded from TypeScript source (under a test runner) names the package's `dist` copy, which
 * worker threads can import (`srcDir` is the module's folder relative to `src`, e.g. `node`).
 */
export function builtWorkerUrl(moduleUrl: string, file: string, srcDir: string): URL {
  if (!moduleUrl.endsWith('.ts')) return new URL(`./${file}`, moduleUrl);
  const up = '../'.repeat(srcDir.split('/').filter(Boolean).length + 1);
  return new URL(`${up}dist/${srcDir ? `${srcDir}/` : ''}${file}`, moduleUrl);
}

/**
 * Run each shard on its own worker thread started from `script` (which calls {@link serveShards})
 * and resolve with their results in order. Progress is summed over the shards; a shard that
 * fails, crashes or exits rejects with an SnnError naming it ("shard 2/4 (images 100-199 of 400) ..."). The workers end after.
 */
export async function runShardWorkers<Q, R>(script: URL, shards: readonly WorkerShard<Q>[], options: ShardWorkersOptions): Promise<R[]> {
  const done = new Array<number>(shards.length).fill(0);
  const workers: Worker[] = [];
  try {
    return await Promise.all(
      shards.map(
        (shard, w) =>
          new Promise<R>((resolve, reject) => {
            const name = `shard ${w + 1}/${shards.length}${shard.batch ? ` (${shard.batch})` : ''}`;
            // execArgv: [] so the worker resolves packages to their built code even under a test runner
            const worker = new Worker(script, { execArgv: [] });
            workers.push(worker);
            worker.on('message', (message: WorkerShardMessage<R>) => {
              if (message.kind === 'progress') {
                done[w] = message.done;
                options.onProgress?.(done.reduce((a, b) => a + b, 0));
              } else if (message.kind === 'result') resolve(message.result);
              else reject(new SnnError(message.code ?? options.code, `${name} failed: ${message.message}`));
            });
            worker.on('error', (e) => reject(new SnnError(options.code, `${name} crashed: ${e.message}`, { cause: e })));
            worker.on('exit', (code) => reject(new SnnError(options.code, `${name} stopped (exit code ${code}) before its result`)));
            worker.postMessage(shard.request, [...(shard.transfer ?? [])]);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The worker side of {@link runShardWorkers}: answer the shard request with `handle`'s result
 * (its buffers listed by `transfer` are moved, not copied), progress through `progress(done)`,
 * and errors as messages carrying their SnnError code.
 */
export function serveShards<Q, R>(handle: (request: Q, progress: (done: number) => void) => R | Promise<R>, transfer: (result: R) => TransferListItem[] = () => []): void {
  const port = parentPort!;
  port.on('message', (request: Q) => {
    const progress = (done: number): void => port.postMessage({ kind: 'progress', done } satisfies WorkerShardMessage<R>);
    Promise.resolve()
      .then(() => handle(request, progress))
      .then(
        (result) => port.postMessage({ kind: 'result', result } satisfies WorkerShardMessage<R>, transfer(result)),
        (e: unknown) => port.postMessage({ kind: 'error', code: isSnnError(e) ? e.code : undefined, message: (e as Error).message ?? String(e) } satisfies WorkerShardMessage<R>),
      );
  });
}
