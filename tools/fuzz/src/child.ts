// Child process of the fuzzer: runs the cases the parent sends and reports each outcome, so a
// crash or abort of the WebAssembly HDF5 reader ends this process only, and the parent sees it.
import { hdf5Renewals, trapCause } from '@snn/hdf5';
import { isSnnError } from '@snn/ir';
import h5wasm from 'h5wasm';
import { caseRng, FORMATS, type FuzzCase } from './formats.js';
import type { CaseResult, RunRequest } from './protocol.js';

async function memoryFiles(): Promise<string[]> {
  const module = await h5wasm.ready;
  return (module.FS.readdir('/') as string[]).filter((f) => f.endsWith('.h5') || f.endsWith('.nir'));
}

/** After a trap: the undamaged file must load (with a new instance of the HDF5 library). */
async function recovery(c: FuzzCase): Promise<Pick<CaseResult, 'recovered' | 'afterTrap'>> {
  try {
    await c.loadOriginal();
    return { recovered: true };
  } catch (e) {
    return { recovered: false, afterTrap: (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300) };
  }
}

async function run(request: RunRequest): Promise<void> {
  const make = await FORMATS[request.format].prepare();
  for (let index = request.start; index < request.end; index++) {
    const rng = caseRng(request.seed, index);
    let c: FuzzCase | undefined;
    for (let attempt = 0; attempt < 8 && c === undefined; attempt++) c = await make(rng);
    const before = (await memoryFiles()).join('\n');
    const base = { index, mutation: c?.mutation ?? 'none applied', mayLoad: c?.mayLoad ?? true };
    const renewals = hdf5Renewals();
    const t0 = performance.now();
    let result: Omit<CaseResult, 'ms' | 'maxRss' | 'index' | 'mutation' | 'mayLoad'>;
    if (c === undefined) result = { outcome: 'skipped' };
    else {
      try {
        await c.load();
        result = { outcome: 'loaded' };
      } catch (e) {
        if (isSnnError(e)) {
          result = { outcome: 'error', code: e.code, message: e.message, named: e.message.includes(c.fileName) || (e.where ?? '') !== '', ...(trapCause(e) ? { trapped: true } : {}) };
        }
        else result = { outcome: 'untyped', message: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300) };
      }
    }
    const ms = performance.now() - t0;
    const after = await memoryFiles();
    const left = after.filter((f) => !before.split('\n').includes(f));
    const afterTrap = c !== undefined && (result.trapped || hdf5Renewals() > renewals) ? await recovery(c) : {};
    const renewed = hdf5Renewals() - renewals; // with the one the undamaged file's load made
    const report: CaseResult = { ...base, ...result, ms, maxRss: process.resourceUsage().maxRSS * 1024, ...(left.length > 0 ? { leftFiles: left } : {}), ...(renewed > 0 ? { renewals: renewed } : {}), ...afterTrap };
    process.send?.(report);
  }
}

process.on('message', (request: RunRequest) => {
  run(request).then(
    () => process.send?.('done', () => process.exit(0)),
    (e: unknown) => {
      console.error(e);
      process.exit(3);
    },
  );
});
