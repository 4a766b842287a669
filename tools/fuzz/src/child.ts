// Child process of the fuzzer: runs the cases the parent sends and reports each outcome, so a
// crash or abort of the WebAssembly HDF5 reader ends this process only, and the parent sees it.
import { isSnnError } from '@snn/ir';
import h5wasm from 'h5wasm';
import { caseRng, FORMATS, type FuzzCase } from './formats.js';
import type { CaseResult, RunRequest } from './protocol.js';

async function memoryFiles(): Promise<string[]> {
  const module = await h5wasm.ready;
  return (module.FS.readdir('/') as string[]).filter((f) => f.endsWith('.h5') || f.endsWith('.nir'));
}

/** Whether a WebAssembly trap (the HDF5 library reading outside its memory, or aborting) is among the causes of `e`. */
function trapped(e: unknown): boolean {
  for (let x = e, depth = 0; x !== undefined && x !== null && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof WebAssembly.RuntimeError) return true;
  }
  return false;
}

async function run(request: RunRequest): Promise<'done' | 'restart'> {
  const make = await FORMATS[request.format].prepare();
  for (let index = request.start; index < request.end; index++) {
    const rng = caseRng(request.seed, index);
    let c: FuzzCase | undefined;
    for (let attempt = 0; attempt < 8 && c === undefined; attempt++) c = await make(rng);
    const before = (await memoryFiles()).join('\n');
    const base = { index, mutation: c?.mutation ?? 'none applied', mayLoad: c?.mayLoad ?? true };
    const t0 = performance.now();
    let result: Omit<CaseResult, 'ms' | 'maxRss' | 'index' | 'mutation' | 'mayLoad'>;
    if (c === undefined) result = { outcome: 'skipped' };
    else {
      try {
        await c.load();
        result = { outcome: 'loaded' };
      } catch (e) {
        if (isSnnError(e)) {
          result = { outcome: 'error', code: e.code, message: e.message, named: e.message.includes(c.fileName) || (e.where ?? '') !== '', ...(trapped(e) ? { trapped: true } : {}) };
        }
        else result = { outcome: 'untyped', message: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300) };
      }
    }
    const ms = performance.now() - t0;
    const after = await memoryFiles();
    const left = after.filter((f) => !before.split('\n').includes(f));
    const report: CaseResult = { ...base, ...result, ms, maxRss: process.resourceUsage().maxRSS * 1024, ...(left.length > 0 ? { leftFiles: left } : {}) };
    process.send?.(report);
    // the library refuses all later reads after a trap: go on in a fresh process
    if (report.trapped) return 'restart';
  }
  return 'done';
}

process.on('message', (request: RunRequest) => {
  run(request).then(
    (end) => process.send?.(end, () => process.exit(0)),
    (e: unknown) => {
      console.error(e);
      process.exit(3);
    },
  );
});
