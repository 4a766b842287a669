import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmInstall, npmPack, WORKSPACE, type Packed } from './pack-install.js';

const PACKAGES = ['ir', 'neurons', 'synapses', 'sim'];
const dir = mkdtempSync(join(tmpdir(), 'snn-pack-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the published packages, installed alone', () => {
  let packed: Packed[] = [];

  it('pack without tests, test support or stray files', () => {
    packed = PACKAGES.map((p) => npmPack(`packages/${p}`, dir));
    expect(packed.map((p) => p.name)).toEqual(PACKAGES.map((p) => `@snn/${p}`));
    for (const p of packed) {
      const paths = p.files.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
      expect(paths.filter((f) => /\.test\.|\.bench\.|test-support|^(?!dist\/|src\/)[^/]+\/|tsconfig|vitest/.test(f))).toEqual([]);
    }
  });

  it('install into a fresh project outside the workspace and run 30 spiking steps there', () => {
    expect(dir.startsWith(WORKSPACE)).toBe(false);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'snn-user', version: '1.0.0', private: true, type: 'module' }));
    npmInstall(dir, packed.map((p) => `./${p.filename}`));
    expect(readdirSync(join(dir, 'node_modules', '@snn')).sort()).toEqual([...PACKAGES].sort());
    copyFileSync(new URL('./example.mjs', import.meta.url), join(dir, 'example.mjs'));
    const lines = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]) as { spikeCounts: number[]; rates: number[] };
    // J * dt = 0, 0.5, 1, 1.5 per step for 30 steps, spiking once per unit of voltage
    expect(result.spikeCounts).toEqual([0, 15, 30, 45]);
    // rate mode: SpikingRectifiedLinear's rate is its input current
    expect(result.rates).toEqual([0, 500, 1000, 1500]);
  });
});
