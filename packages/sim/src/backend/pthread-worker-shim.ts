import type { Worker as NodeWorker, WorkerOptions } from 'node:worker_threads';
import type { EventEmitter } from 'node:events';

/** What the shim needs from Node, passed in so this file imports no Node module itself. */
export interface PthreadShimDeps {
  /** `worker_threads.Worker`. */
  readonly NodeWorker: new (source: string, options: WorkerOptions) => NodeWorker;
  /** `events.EventEmitter`. */
  readonly EventEmitter: new () => EventEmitter;
  /** Emscripten's pthread worker script (tfjs ships it as a string), run with `eval: true`. */
  readonly workerSource: string;
  /** Path of the threaded emscripten glue that a worker loads to define its module factory. */
  readonly gluePath: string;
  /** Real threads to boot while the module loads (threads - 1: the main thread is one of them). */
  readonly spares: number;
  /** Called once if a booted thread fails; the caller falls back to one thread. */
  readonly onBootError: (error: Error) => void;
}

/** A pthread worker as emscripten's runtime drives it in Node (the subset it calls). */
export interface PthreadWorkerLike extends EventEmitter {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  ref(): this;
  unref(): this;
  terminate(): Promise<number>;
}

interface Message {
  readonly cmd?: string;
  readonly urlOrBlob?: unknown;
}

/**
 * Build the `Worker` class that emscripten's threaded tfjs runtime instantiates in Node.
 *
 * Emscripten pre-allocates 8 pthread workers and posts each a `load` message carrying a Blob
 * script that Node workers cannot import. The shim (1) answers `load` itself and starts a real
 * `worker_threads` Worker only when a thread is actually run, so only the threads XNNPACK uses
 * exist; (2) boots `spares` real workers during module load, so a broken environment shows up
 * as a load failure (handled by falling back) instead of a hang inside `pthreadpool_create`;
 * (3) rewrites the Blob to the glue file path; (4) keeps every worker unref'd, so idle
 * threads never keep the Node process alive.
 */
export function makePthreadWorkerClass(deps: PthreadShimDeps): new (url: unknown) => PthreadWorkerLike {
  const spares: NodeWorker[] = [];
  let booting: Promise<void> | undefined;

  /** Start a real worker: post `load`, route its messages (after its own `loaded`) to `owner`. */
  function startReal(load: Message, owner: { current?: EventEmitter }): { worker: NodeWorker; loaded: Promise<void> } {
    const worker = new deps.NodeWorker(deps.workerSource, { eval: true });
    let seenLoaded = false;
    const loaded = new Promise<void>((resolve, reject) => {
      worker.on('message', (data: Message) => {
        if (!seenLoaded && data?.cmd === 'loaded') {
          seenLoaded = true;
          resolve();
          return;
        }
        owner.current?.emit('message', data);
      });
      worker.on('error', (error: Error) => {
        if (!seenLoaded) reject(error);
        else if (owner.current) owner.current.emit('error', error);
        else deps.onBootError(error);
      });
    });
    // After the listeners: adding a 'message' listener to a Worker refs its port again.
    worker.unref();
    worker.postMessage({ ...load, urlOrBlob: deps.gluePath });
    return { worker, loaded };
  }

  const owners = new WeakMap<NodeWorker, { current?: EventEmitter }>();

  function bootSpares(load: Message): Promise<void> {
    const started = Array.from({ length: deps.spares }, () => {
      const owner: { current?: EventEmitter } = {};
      const { worker, loaded } = startReal(load, owner);
      owners.set(worker, owner);
      return loaded.then(() => {
        spares.push(worker);
      });
    });
    return Promise.all(started).then(() => undefined);
  }

  return class PthreadWorker extends deps.EventEmitter implements PthreadWorkerLike {
    #load: Message | undefined;
    #real: NodeWorker | undefined;

    constructor(_url: unknown) {
      super();
    }

    postMessage(message: unknown, transfer?: readonly unknown[]): void {
      const msg = message as Message;
      if (msg?.cmd === 'load') {
        this.#load = msg;
        const first = booting === undefined;
        booting ??= bootSpares(msg);
        // The first worker reports `loaded` only once the spares run, so the module's init
        // waits for them; the others answer at once (they start lazily, on `run`).
        const ready = first ? booting : Promise.resolve();
        ready.then(
          () => this.emit('message', { cmd: 'loaded' }),
          (error: Error) => deps.onBootError(error),
        );
        return;
      }
      this.#attach();
      this.#real!.postMessage(message, transfer as never);
    }

    #attach(): void {
      if (this.#real) return;
      const spare = spares.pop();
      if (spare) {
        owners.get(spare)!.current = this;
        this.#real = spare;
        return;
      }
      if (!this.#load) throw new Error('pthread worker used before emscripten sent it "load"');
      const owner: { current?: EventEmitter } = { current: this };
      const { worker, loaded } = startReal(this.#load, owner);
      loaded.catch((error: Error) => this.emit('error', error));
      this.#real = worker;
    }

    ref(): this {
      return this; // never keep the process alive for a pool thread
    }

    unref(): this {
      return this;
    }

    terminate(): Promise<number> {
      return this.#real ? this.#real.terminate() : Promise.resolve(0);
    }
  };
}
