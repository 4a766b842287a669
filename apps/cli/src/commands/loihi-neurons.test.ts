import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnn } from '@snn/ir';
import { fixtureDir } from '../fixture-check/fixtures.js';
import { lastJsonLine, runSnn as snn } from '../testing/run-snn.js';
import type { TrainSummary } from '../train-report.js';
import type { EvaluateSummary } from './evaluate.js';

const tmp = mkdtempSync(join(tmpdir(), 'snn-loihi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('snn with the Loihi neuron types', () => {
  it('trains through LoihiSpikingRectifiedLinear, keeps it in the file, and evaluates it in rate mode and spiking on worker threads', async () => {
    const out = join(tmp, 'loihi.snn');
    const trained = await snn('train', 'keras-to-snn', '--limit', '2000', '--epochs', '1', '--test-limit', '500', '--seed', '1', '--neuron', 'RectifiedLinear=LoihiSpikingRectifiedLinear', '-o', out, '--json');
    expect(trained.code, trained.err).toBe(0);
    const summary = lastJsonLine<TrainSummary>(trained.out);
    // trains like the ReLU network of train.test.ts (78.8% measured there): the Loihi staircase forward, smooth gradient
    // measured 0.794 on 500 images (seed 1), pinned within 3 binomial standard errors, 0.054
    expect(Math.abs(summary.testAccuracy - 0.794)).toBeLessThan(3 * Math.sqrt((0.794 * 0.206) / 500));
    const types = decodeSnn(readFileSync(out)).nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []));
    expect(types).toEqual(['LoihiSpikingRectifiedLinear', 'LoihiSpikingRectifiedLinear']);
    const rate = await snn('evaluate', out, '--data', 'mnist-test', '--limit', '500', '--mode', 'rate', '--json', '--workers', '2');
    expect(rate.code, rate.err).toBe(0);
    expect(lastJsonLine<EvaluateSummary>(rate.out).accuracy).toBe(summary.testAccuracy);
    // spiking at scale 100 on two worker threads: the types are known there too, at most one spike per step
    const spiking = await snn('evaluate', out, '--data', 'mnist-test', '--limit', '200', '--mode', 'spiking', '--steps', '20', '--scale', '100', '--json', '--workers', '2');
    expect(spiking.code, spiking.err).toBe(0);
    const s = lastJsonLine<EvaluateSummary & { maxRates?: Record<string, number> }>(spiking.out);
    // measured 0.595 on 200 images (20 steps lose rate-mode accuracy), pinned within 3 binomial
    // standard errors, 0.104, on both sides
    expect(Math.abs(s.accuracy - 0.595)).toBeLessThan(3 * Math.sqrt((0.595 * 0.405) / 200));
    for (const hz of Object.values(s.rates)) expect(hz).toBeLessThanOrEqual(1000);
  }, 120_000);

  it('lists the Loihi types among the neuron types a flag accepts', async () => {
    const r = await snn('convert', join(fixtureDir(), 'deepconcolic_tecs_mlp1_k224.h5'), '-o', join(tmp, 'x.snn'), '--neuron', 'NoSuchType');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/LoihiLIF/);
    expect(r.err).toMatch(/LoihiSpikingRectifiedLinear/);
  });
});
