import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simErrorCodes } from './error-codes.js';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'test-support') yield* sources(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.bench.ts')) yield path;
  }
}

/** Upper-case string literals in the package's code that are not error codes: tfjs's environment flags. */
const NOT_CODES = new Set(['WASM_HAS_MULTITHREAD_SUPPORT']);

describe('simErrorCodes', () => {
  it('lists every code the package raises, and every listed code is raised somewhere', () => {
    // codes reach SnnError as its first argument or through a checker's `code` (checkSamples,
    // checkLabels, runShardWorkers), so every literal shaped like a code counts
    const raised = new Set<string>();
    for (const file of sources(new URL('.', import.meta.url).pathname)) {
      if (file.endsWith('error-codes.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) if (!NOT_CODES.has(m[1])) raised.add(m[1]);
    }
    expect([...raised].filter((c) => !(c in simErrorCodes))).toEqual([]);
    expect(Object.keys(simErrorCodes).filter((c) => !raised.has(c))).toEqual([]);
    // the codes the bad-data checks of issue 22 raise are among them
    for (const code of ['SIM_BAD_INPUT', 'SIM_BAD_LABELS', 'SIM_WORKER']) expect(raised).toContain(code);
  });

  it('says for each code what it means and how to fix it', () => {
    for (const [code, text] of Object.entries(simErrorCodes)) {
      expect(code).toMatch(/^(SIM|BACKEND)_[A-Z_]+$/);
      // a meaning, then after a semicolon what to do
      expect(text, code).toMatch(/^[a-z].{20,}; .{10,}/);
    }
  });
});
