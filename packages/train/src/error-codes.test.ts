import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainErrorCodes } from './error-codes.js';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

describe('trainErrorCodes', () => {
  it('lists every code the package raises, and every listed code is raised somewhere', () => {
    const raised = new Set<string>();
    for (const file of sources(new URL('.', import.meta.url).pathname)) {
      if (file.endsWith('error-codes.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:SnnError|trainError)\(\s*'([A-Z_]+)'/g)) raised.add(m[1]);
    }
    expect([...raised].filter((c) => !(c in trainErrorCodes))).toEqual([]);
    expect(Object.keys(trainErrorCodes).filter((c) => !raised.has(c))).toEqual([]);
  });
});
