import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runWalkthroughMain } from '@snn/keras-to-snn/testing';

const tmp = mkdtempSync(join(tmpdir(), 'walk-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mains = {
  'keras-to-loihi': fileURLToPath(new URL('../dist/main.js', import.meta.url)),
  // built before this package (keras-to-loihi depends on it)
  'keras-to-snn': fileURLToPath(new URL('../../keras-to-snn/dist/main.js', import.meta.url)),
};

describe.each(Object.entries(mains))('%s exit codes and --verbose', (name, main) => {
  // --out inside a regular file: the run fails at once with WALK_OUT
  const file = join(tmp, `${name}-not-a-folder`);
  writeFileSync(file, 'x');
  const failing = ['--quick', '--out', join(file, 'out')];

  it('a failed run exits 1 with one line and no stack trace; --verbose adds the trace', async () => {
    const plain = await runWalkthroughMain(main, failing);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(new RegExp(`^${name}: WALK_OUT: cannot create the output folder .*; choose another with --out\\n$`));
    const verbose = await runWalkthroughMain(main, [...failing, '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr.startsWith(plain.stderr)).toBe(true);
    expect(verbose.stderr).toMatch(/\n\s+at openWalk /);
  });

  it('bad usage exits 2 with one line, --verbose or not', async () => {
    const r = await runWalkthroughMain(main, ['--limit', 'x', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--limit .*expected a whole number >= 1, got 'x'/);
  });
});
