import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportInChromium } from '@snn/browser-check';
import { walkthrough, type JsonStage, type JsonSummary } from './testing/walk-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'k2s-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const small = ['--quick', '--limit', '300', '--train-limit', '3000', '--steps', '30', '--workers', '1'];
const find = (s: JsonSummary, name: string, steps?: number): JsonStage => {
  const row = s.stages.find((r) => r.name === name && (steps === undefined || r.steps === steps));
  if (!row) throw new Error(`no stage row '${name}'${steps ? ` at ${steps} steps` : ''} in ${s.stages.map((r) => `${r.name}@${r.steps}`).join(', ')}`);
  return row;
};

describe('keras-to-snn walkthrough (built dist, --quick on a subset)', () => {
  let first: Awaited<ReturnType<typeof walkthrough>>;

  it('runs every stage, prints their tables and the summary, and ends with the JSON line', async () => {
    first = await walkthrough([...small, '--seed', '3', '--out', join(tmp, 'a'), '--cache', join(tmp, 'cache'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    const s = first.json!;
    for (const stage of ['1. ANN', '2. Naive conversion', '3. Synaptic smoothing', '4. Firing-rate scaling', '5. Firing-rate regularization', '6. Calibration and few-step fine-tuning']) {
      expect(first.stdout).toContain(`== ${stage}`);
      expect(s.stages.some((r) => r.stage === stage)).toBe(true);
    }
    expect(first.stdout).toMatch(/== Summary \(300 test images\)/);
    expect(first.stdout).toContain(`report: ${join(tmp, 'a', 'report.html')}`);
    // one epoch on 3,000 shifted images: 85.0% measured (seed 3; repeats exactly, see the --retrain test below);
    // pinned within 3 binomial standard errors on 300 images, 3 * sqrt(0.85 * 0.15 / 300) = 0.062, both sides
    expect(Math.abs(s.ann.accuracy - 0.85)).toBeLessThan(3 * Math.sqrt((0.85 * 0.15) / 300));
    for (const r of s.stages) {
      // every accuracy is correct / 300 test images: a whole number of images (float division and back: error < 1e-9)
      expect(Math.abs(r.accuracy * 300 - Math.round(r.accuracy * 300))).toBeLessThan(1e-9);
      expect(Math.round(r.accuracy * 300)).toBeLessThanOrEqual(300);
      if (r.mode === 'spiking') expect(Object.keys(r.meanRateHz)).toEqual(['conv0_neurons', 'conv1_neurons']);
      for (const [layer, hz] of Object.entries(r.meanRateHz)) expect(r.maxRateHz[layer]).toBeGreaterThanOrEqual(hz);
    }
    // the conversion story, as measured: unscaled SpikingRectifiedLinear barely spikes in 30 steps,
    // scaling firing rates by 1000 multiplies rates and SynOps and recovers the ANN's accuracy
    const naive = find(s, 'naive', 30);
    const thousand = find(s, 'scale 1000, no synapse', 10);
    expect(naive.accuracy).toBeLessThan(s.ann.accuracy - 0.2);
    expect(thousand.meanRateHz.conv0_neurons).toBeGreaterThan(100 * naive.meanRateHz.conv0_neurons);
    expect(thousand.synopsPerImage).toBeGreaterThan(naive.synopsPerImage);
    expect(thousand.accuracy).toBeGreaterThan(s.ann.accuracy - 0.05);
    // calibration: within a few images of the ANN at 30 steps, at moderate rates
    const calibrated = find(s, 'calibrated', 30);
    expect(calibrated.accuracy).toBeGreaterThan(s.ann.accuracy - 0.02);
    for (const hz of Object.values(calibrated.meanRateHz)) expect(hz).toBeLessThan(250);
    // rate regularization pulls the rates of the fine-tuned ANN up toward 250 Hz
    const regularized = find(s, 'regularized, synapse 0.01 s', 30);
    expect(regularized.meanRateHz.conv0_neurons).toBeGreaterThan(5 * naive.meanRateHz.conv0_neurons);
  }, 600_000);

  it('writes the networks and a report that renders in headless Chromium with every plot drawn', async () => {
    const out = join(tmp, 'a');
    for (const f of ['ann.snn', 'regularized.snn', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    const shot = fileURLToPath(new URL('../test-output/report.png', import.meta.url));
    const check = await checkReportInChromium(join(out, 'report.html'), shot);
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.sections).toBeGreaterThanOrEqual(8);
    const kinds = new Set(check.plots.map((p) => p.kind));
    for (const kind of ['image', 'raster', 'trace', 'heatmap', 'histogram', 'line']) expect(kinds.has(kind), kind).toBe(true);
    for (const p of check.plots) {
      expect(p.width, p.title).toBeGreaterThan(50);
      expect(p.height, p.title).toBeGreaterThan(50);
      if (p.marks > 0) expect(p.drawn, p.title).toBeGreaterThan(0);
    }
    // the plots with data: every raster but the naive network's has spikes
    expect(check.plots.filter((p) => p.kind === 'raster' && p.marks > 0).length).toBeGreaterThan(6);
    expect(existsSync(shot)).toBe(true);
  }, 120_000);

  it('repeats exactly with the same seed, training included (--retrain), and reuses cached parameters', async () => {
    const again = await walkthrough([...small, '--seed', '3', '--retrain', '--out', join(tmp, 'b'), '--cache', join(tmp, 'cache'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/from the cache/);
    const strip = (s: JsonSummary): unknown => s.stages.map(({ name, steps, accuracy, meanRateHz, maxRateHz, synopsPerImage }) => ({ name, steps, accuracy, meanRateHz, maxRateHz, synopsPerImage }));
    expect(strip(again.json!)).toEqual(strip(first.json!));
    // a third run with the same training settings (fewer test images) trains nothing
    const cached = await walkthrough([...small, '--limit', '50', '--seed', '3', '--out', join(tmp, 'c'), '--cache', join(tmp, 'cache'), '--json']);
    expect(cached.code, cached.stderr).toBe(0);
    for (const what of ['ann', 'regularized', 'qcfs']) expect(cached.stderr).toMatch(new RegExp(`${what}: trained parameters from the cache`));
    expect(cached.stderr).not.toMatch(/epoch 1\/1/);
  }, 600_000);

  it('refuses bad usage with exit code 2 and a missing model with exit code 1, without a stack trace', async () => {
    const usage = await walkthrough(['--limit', '0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^keras-to-snn: option '--limit <N>' argument '0' is invalid/);
    const missing = await walkthrough(['--model', join(tmp, 'nothing.h5'), '--out', join(tmp, 'c')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/keras-to-snn: WALK_MODEL: --model .*nothing\.h5 does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
