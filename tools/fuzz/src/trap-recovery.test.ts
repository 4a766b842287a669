// A damaged .nir file from the fuzzer that makes the WebAssembly HDF5 library trap (a flipped bit
// in the signature of the global heap collection holding its strings, which @snn/hdf5's checks
// cannot recognize any more), loaded in this process: it must end in a typed error with the
// trap as its cause, and good files loaded right after it in the same process must load, equal
// to their loads before the trap. The damaged files (248 KB each) are made again from the seed
// of the run that found them (`node dist/main.js --format nir --cases 5000 --seed 22`): cases
// 243, 565, 818 and 1405 of 16 that trapped.
import { hdf5Renewals, trapCause } from '@snn/hdf5';
import { isSnnError } from '@snn/ir';
import { importKeras } from '@snn/keras-import';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './fixtures.js';
import { caseRng, FORMATS, type FuzzCase } from './formats.js';

const SEED = 22;
const TRAPPED = [243, 565, 818, 1405];

async function fuzzCase(make: (rng: ReturnType<typeof caseRng>) => Promise<FuzzCase | undefined>, index: number): Promise<FuzzCase> {
  const rng = caseRng(SEED, index);
  // as the fuzzer's child makes it: a mutator that does not apply is tried again with the same generator
  for (let attempt = 0; attempt < 8; attempt++) {
    const c = await make(rng);
    if (c !== undefined) return c;
  }
  throw new Error(`case ${index} made no damaged file`);
}

describe('a fuzz case that makes the HDF5 library trap', () => {
  it('ends in a typed error, and good files load right after it in the same process', async () => {
    const make = await FORMATS.nir.prepare();
    const keras = { bytes: fixtureBytes('snn_lenet_avgpool_bias.h5'), fileName: 'snn_lenet_avgpool_bias.h5' };
    const kerasBefore = (await importKeras(keras)).graph;
    const renewalsBefore = hdf5Renewals();
    let traps = 0;
    for (const index of TRAPPED) {
      const c = await fuzzCase(make, index);
      expect(c.mutation).toMatch(/v2-structure|flip-bytes/);
      const nirBefore = await c.loadOriginal();
      const error = await c.load().then(() => undefined, (e: unknown) => e);
      expect(isSnnError(error) && error.code, `case ${index}`).toBe('NIR_BAD_FILE');
      expect((error as Error).message).toContain(c.fileName);
      const trap = trapCause(error);
      if (trap !== undefined) {
        traps++;
        expect(trap.message).toBe('memory access out of bounds');
      }
      // right after: the undamaged .nir file and a Keras .h5 file (another reader) load as before
      expect(await c.loadOriginal()).toEqual(nirBefore);
      expect((await importKeras(keras)).graph).toEqual(kerasBefore);
      expect(hdf5Renewals() - renewalsBefore).toBe(traps);
    }
    // the cases trap here as they did in the fuzzer's child processes
    expect(traps).toBe(TRAPPED.length);
  });
});
