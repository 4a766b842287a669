import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('finds a copy of the kernel bit-identical, a copy with one changed instruction different (exit 1), and times them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ab-lif-f32-'));
    try {
      const [same, edited] = [join(dir, 'same'), join(dir, 'edited')];
      for (const to of [same, edited]) {
        cpSync(join(pkg, 'src/wasm/neuron-kernels.wat'), join(to, 'neuron-kernels.wat'));
        cpSync(join(pkg, 'src/wasm/wat'), join(to, 'wat'), { recursive: true });
      }
      // the refractory countdown of the first block of four neurons counts up instead
      const pass1 = join(edited, 'wat/lif32-pass1.wat');
      const text = readFileSync(pass1, 'utf8');
      expect(text).toContain('(f32x4.sub (local.get $rawR)');
      writeFileSync(pass1, text.replace('(f32x4.sub (local.get $rawR)', '(f32x4.add (local.get $rawR)'));
      const { code, out } = run('src/wasm', same, edited, '--neurons', '1030', '--check', '50', '--steps', '5', '--repeats', '1');
      expect(code).toBe(1);
      const differ = [...out.matchAll(/: (\d+) spikes in 50 steps, (\d+) words differ from src\/wasm/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(differ).toHaveLength(3);
      expect(differ[0]).toEqual([differ[0][0], 0]);
      expect(differ[1]).toEqual(differ[0]);
      expect(differ[2][1]).toBeGreaterThan(0);
      expect(out.match(/best \d\.\d+e\+\d+ {2}median/g)).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
