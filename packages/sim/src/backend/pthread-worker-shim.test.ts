import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { WorkerOptions } from 'node:worker_threads';
import { makePthreadWorkerClass } from './pthread-worker-shim.js';

/** Stand-in for worker_threads.Worker: records what it is sent and answers `load` like emscripten's worker. */
class FakeNodeWorker extends EventEmitter {
  static made: FakeNodeWorker[] = [];
  readonly sent: unknown[] = [];
  refed = true;
  constructor(
    readonly source: string,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeNodeWorker.made.push(this);
  }
  postMessage(msg: { cmd?: string }): void {
    this.sent.push(msg);
    if (msg.cmd === 'load') setImmediate(() => this.emit('message', { cmd: 'loaded' }));
    if (msg.cmd === 'run') setImmediate(() => this.emit('message', { cmd: 'ran' }));
  }
  unref(): void {
    this.refed = false;
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
}

function shim(spares: number): new (url: unknown) => EventEmitter & { postMessage(m: unknown): void; ref(): unknown } {
  FakeNodeWorker.made = [];
  return makePthreadWorkerClass({
    NodeWorker: FakeNodeWorker as never,
    EventEmitter,
    workerSource: 'worker source',
    gluePath: '/glue.js',
    spares,
    onBootError: (e) => {
      throw e;
    },
  });
}

const next = (w: EventEmitter): Promise<unknown> => new Promise((resolve) => w.once('message', resolve));

describe('pthread worker shim for emscripten in Node', () => {
  it('boots only the spare threads while the module loads; the rest of the pool stays lazy', async () => {
    const Worker = shim(1);
    const pool = Array.from({ length: 8 }, () => new Worker('blob:nodedata:x'));
    const loaded = pool.map(next);
    for (const w of pool) w.postMessage({ cmd: 'load', urlOrBlob: { blob: true }, wasmMemory: 1 });
    expect(await Promise.all(loaded)).toEqual(Array(8).fill({ cmd: 'loaded' }));
    expect(FakeNodeWorker.made).toHaveLength(1);
    const real = FakeNodeWorker.made[0];
    expect(real.options.eval).toBe(true);
    expect(real.sent[0]).toMatchObject({ cmd: 'load', urlOrBlob: '/glue.js', wasmMemory: 1 });
    expect(real.refed).toBe(false);
  });

  it('runs a thread on the booted spare and forwards its messages', async () => {
    const Worker = shim(1);
    const pool = Array.from({ length: 3 }, () => new Worker('blob:x'));
    const loaded = pool.map(next);
    for (const w of pool) w.postMessage({ cmd: 'load', urlOrBlob: {} });
    await Promise.all(loaded);
    const runner = pool[2];
    const reply = next(runner);
    runner.postMessage({ cmd: 'run', start_routine: 5 });
    expect(await reply).toEqual({ cmd: 'ran' });
    expect(FakeNodeWorker.made).toHaveLength(1);
    expect(FakeNodeWorker.made[0].sent[1]).toEqual({ cmd: 'run', start_routine: 5 });
  });

  it('starts a real worker on demand when no spare is left, sending load then run', async () => {
    const Worker = shim(0);
    const w = new Worker('blob:x');
    const loaded = next(w);
    w.postMessage({ cmd: 'load', urlOrBlob: {} });
    await loaded;
    expect(FakeNodeWorker.made).toHaveLength(0);
    const reply = next(w);
    w.postMessage({ cmd: 'run' });
    expect(await reply).toEqual({ cmd: 'ran' }); // its own 'loaded' is swallowed
    expect(FakeNodeWorker.made[0].sent.map((m) => (m as { cmd: string }).cmd)).toEqual(['load', 'run']);
  });

  it('never re-references a worker (pool threads must not keep Node alive)', () => {
    const Worker = shim(0);
    const w = new Worker('blob:x');
    expect(w.ref()).toBe(w);
  });
});
