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
    expect(summary.testAccuracy).toBeGreaterThan(0.7);
    const types = decodeSnn(readFileSync(out)).nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []));
    expect(types).toEqual(['LoihiSpikingRectifiedLinear', 'LoihiSpikingRectifiedLinear']);
    const rate = await snn('evaluate', out, '--data', 'mnist-test', '--limit', '500', '--mode', 'rate', '--json', '--workers', '2');
    expect(rate.code, rate.err).toBe(0);
    expect(lastJsonLine<EvaluateSummary>(rate.out).accuracy).toBe(summary.testAccuracy);
    // spiking at scale 100 on two worker threads: the types are known there too, at most one spike per step
    const spiking = await snn('evaluate', out, '--data', 'mnist-test', '--limit', '200', '--mode', 'spiking', '--steps', '20', '--scale', '100', '--json', '--workers', '2');
    expect(spiking.code, spiking.err).toBe(0);
    const s = lastJsonLine<EvaluateSummary & { maxRates?: Record<string, number> }>(spiking.out);
    expect(s.accuracy).toBeGreaterThan(0.5);
    for (const hz of Object.values(s.rates)) expect(hz).toBeLessThanOrEqual(1000);
  }, 120_000);

  it('lists the Loihi types among the neuron types a flag accepts', async () => {
    const r = await snn('convert', join(fixtureDir(), 'deepconcolic_tecs_mlp1_k224.h5'), '-o', join(tmp, 'x.snn'), '--neuron', 'NoSuchType');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/LoihiLIF/);
    expect(r.err).toMatch(/LoihiSpikingRectifiedLinear/);
  });
});
