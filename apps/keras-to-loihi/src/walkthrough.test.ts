import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportInChromium } from '@snn/browser-check';
import { loadCheckpoint } from '@snn/train/node';
import { runWalkthroughMain } from '@snn/keras-to-snn/testing';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'k2l-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Row { stage: string; name: string; mode: string; steps: number; accuracy: number; meanRateHz: Record<string, number>; synopsPerImage: number }
interface Summary {
  ann: { accuracy: number };
  stages: Row[];
  emulator: { accuracy: number; images: number; steps: number; seconds: number; floatAccuracy: number; firingRateHz: Record<string, number> };
  cores: number;
  partitions: { example?: number; sequential: number; automatic: number };
  energyPerImageJ: number;
  energyJ: Record<string, { min: number; max: number }>;
  report: string;
}
const walkthrough = (args: string[]) => runWalkthroughMain<Summary>(main, args);
const small = ['--quick', '--limit', '200', '--train-limit', '3000', '--workers', '1'];
const find = (s: Summary, name: string): Row => {
  const row = s.stages.find((r) => r.name === name);
  if (!row) throw new Error(`no row '${name}' in ${s.stages.map((r) => r.name).join(', ')}`);
  return row;
};

describe('keras-to-loihi walkthrough (built dist, --quick on a subset)', () => {
  let first: Awaited<ReturnType<typeof walkthrough>>;

  it('runs every stage and ends with the JSON line: ANN, stages, emulator, cores, energy, report', async () => {
    first = await walkthrough([...small, '--seed', '2', '--out', join(tmp, 'a'), '--cache', join(tmp, 'cache'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    const s = first.json!;
    for (const stage of ['1. ANN', '2. Spiking ReLU', '3. Loihi spiking ReLU', '4. Training through Loihi neurons', '5. Rate curves', '6. Partitioning into cores', '7. The bit-exact Loihi emulator', '8. Energy and latency per image']) {
      expect(first.stdout).toContain(`== ${stage}`);
    }
    // one epoch on 3,000 shifted images: 80.0% measured (seed 2; repeats exactly), pinned within 3 binomial
    // standard errors on 200 images, 3 * sqrt(0.8 * 0.2 / 200) = 0.085, both sides (chance is 10%)
    expect(Math.abs(s.ann.accuracy - 0.8)).toBeLessThan(3 * Math.sqrt((0.8 * 0.2) / 200));
    for (const r of s.stages) expect(Math.abs(r.accuracy * 200 - Math.round(r.accuracy * 200))).toBeLessThan(1e-9);
    // spec §5: the example's block shapes and Nengo Loihi's sequential split take 14 cores, the partitioner 11
    expect(s.partitions).toEqual({ example: 14, sequential: 14, automatic: 11 });
    expect(s.cores).toBe(11);
    expect(first.stdout).toContain('LoihiBlock(dense0_neurons): Total synapse bits (2064384) exceeded max (1048576)');
    // the emulator classifies every test image, near the float simulator's accuracy for the same network
    expect(s.emulator.images).toBe(200);
    expect(s.emulator.steps).toBe(30);
    expect(s.emulator.floatAccuracy).toBe(find(s, 'Loihi-trained, calibrated scales').accuracy);
    expect(Math.abs(s.emulator.accuracy - s.emulator.floatAccuracy)).toBeLessThanOrEqual(0.04);
    for (const layer of ['conv0_neurons', 'conv1_neurons', 'dense0_neurons']) expect(s.emulator.firingRateHz[layer]).toBeGreaterThan(1);
    // Loihi's spiking ReLU at the example's scale is far less accurate than Nengo's spiking ReLU; training through it from the calibrated scales recovers
    expect(find(s, 'Loihi spiking ReLU x100').accuracy).toBeLessThan(find(s, 'spiking ReLU x100').accuracy);
    expect(find(s, 'Loihi-trained, calibrated scales').accuracy).toBeGreaterThan(find(s, 'Loihi spiking ReLU x100').accuracy + 0.2);
    // energy: Loihi's upper bound is the JSON's energyPerImageJ; every platform has a positive estimate
    expect(s.energyPerImageJ).toBe(s.energyJ.Loihi!.max);
    for (const e of Object.values(s.energyJ)) expect(e.max).toBeGreaterThanOrEqual(e.min);
    expect(first.stdout).toMatch(/Davies et al\., "Loihi: A Neuromorphic Manycore Processor/);
  }, 600_000);

  it('writes the ANN, the chip network and a report that renders in headless Chromium with every plot drawn', async () => {
    const out = join(tmp, 'a');
    for (const f of ['ann.snn', 'loihi.snn', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const chip = loadCheckpoint(join(out, 'loihi.snn')).graph;
    expect(chip.nodes.filter((n) => n.kind === 'neurons').map((n) => (n as { neuronType: string }).neuronType)).toEqual(Array(4).fill('LoihiSpikingRectifiedLinear'));
    const shot = fileURLToPath(new URL('../test-output/report.png', import.meta.url));
    const check = await checkReportInChromium(join(out, 'report.html'), shot);
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.sections).toBeGreaterThanOrEqual(10);
    const kinds = new Set(check.plots.map((p) => p.kind));
    for (const kind of ['image', 'histogram', 'line', 'bar', 'raster', 'trace', 'heatmap']) expect(kinds.has(kind), kind).toBe(true);
    for (const p of check.plots) if (p.marks > 0) expect(p.drawn, p.title).toBeGreaterThan(0);
  }, 120_000);

  it('repeats exactly with the same seed and reuses cached training', async () => {
    const again = await walkthrough([...small, '--seed', '2', '--out', join(tmp, 'b'), '--cache', join(tmp, 'cache'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    for (const what of ['ann', 'loihi-x100', 'loihi-calibrated']) expect(again.stderr).toMatch(new RegExp(`${what}: trained parameters from the cache`));
    const strip = (x: Summary): unknown => x.stages.map(({ name, steps, accuracy, meanRateHz, synopsPerImage }) => ({ name, steps, accuracy, meanRateHz, synopsPerImage }));
    expect(strip(again.json!)).toEqual(strip(first.json!));
    expect(again.json!.emulator.accuracy).toBe(first.json!.emulator.accuracy);
  }, 600_000);

  it('refuses bad usage with exit code 2, one line, no stack trace', async () => {
    const usage = await walkthrough(['--steps', '0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^keras-to-loihi: option '--steps <T>' argument '0' is invalid/);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
