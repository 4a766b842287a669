import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package's A/B script and, through it, the workspace's shared script argument handling
// (tools/scripts/script-args.mjs): --help, bad options, errors without stack traces.
const pkg = fileURLToPath(new URL('..', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/ab-lif-f32.mjs', ...args], { cwd: pkg, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('scripts/ab-lif-f32.mjs', () => {
  it('prints its usage for --help', () => {
    const { code, out } = run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Same-process A\/B of float32 LIF kernel variants/);
    expect(out).toContain('--neurons 65536');
  });

  it('rejects bad usage with one line and exit code 2', () => {
    for (const args of [['--bogus'], ['src/wasm', '--neurons', 'abc'], []]) {
      const { code, err } = run(...args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain('(see --help)');
    }
  });

  it('reports a missing folder as an error, exit code 1, no stack trace', () => {
    const { code, err } = run('no-such-folder');
    expect(code).toBe(1);
    expect(err).toMatch(/^ab-lif-f32\.mjs: error \[ENOENT\]: .*no-such-folder/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('finds the kernel bit-identical with itself and times it', () => {
    const { code, out } = run('src/wasm', 'src/wasm', '--neurons', '1030', '--check', '50', '--steps', '5', '--repeats', '1');
    expect(code).toBe(0);
    expect(out.match(/0 words differ/g)).toHaveLength(2);
    expect(out).toMatch(/best \d\.\d+e\+\d+ {2}median/);
  });
});
