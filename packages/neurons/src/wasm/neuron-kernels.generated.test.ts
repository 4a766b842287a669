import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generate, generatedPath } from '../../scripts/build-wasm.mjs';

describe('neuron-kernels.generated.ts', () => {
  it('is what scripts/build-wasm.mjs makes from the .wat sources (run npm run build:wasm if not)', async () => {
    expect(readFileSync(generatedPath as string, 'utf8')).toBe(await (generate as () => Promise<string>)());
  });
});
