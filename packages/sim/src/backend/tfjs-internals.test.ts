import { describe, expect, it } from 'vitest';
import { version_core } from '@tensorflow/tfjs-core';
import { isSnnError } from '@snn/ir';
import { checkTfjsInternals, TFJS_INTERNALS_VERSION } from './tfjs-internals.js';

describe('the tfjs version check of snn private-API users', () => {
  it('passes for the installed tfjs (the pinned 4.22.x)', () => {
    expect(version_core.startsWith(`${TFJS_INTERNALS_VERSION}.`)).toBe(true);
    expect(() => checkTfjsInternals('test')).not.toThrow();
  });

  it('refuses another release line with SIM_TFJS_VERSION, naming both versions and the fix', () => {
    for (const versions of [{ core: '4.23.0', wasm: '4.22.0' }, { core: '4.22.0', wasm: '5.0.1' }, { core: '4.2.0', wasm: '4.2.0' }]) {
      let error: unknown;
      try {
        checkTfjsInternals('snn training kernels', versions);
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error, 'SIM_TFJS_VERSION')).toBe(true);
      expect((error as Error).message).toContain(`tfjs-core is ${versions.core}`);
      expect((error as Error).message).toContain(`tfjs-backend-wasm is ${versions.wasm}`);
      expect((error as Error).message).toMatch(/snn training kernels .* install @tensorflow\/tfjs-core@4\.22/);
    }
  });
});
