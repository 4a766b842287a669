import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runSnn as snn } from '../testing/run-snn.js';

const tmp = mkdtempSync(join(tmpdir(), 'snn-loihi-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const net = join(tmp, 'k2s.snn');

interface LoihiJson {
  accuracy: number;
  images: number;
  cores: number;
  blocks: Record<string, number>;
  rates: Record<string, number>;
  energyPerImageJ: Record<string, { min: number; max: number }>;
}

beforeAll(async () => {
  const r = await snn('train', 'keras-to-snn', '--limit', '2000', '--epochs', '1', '--test-limit', '200', '--seed', '1', '-o', net);
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('snn loihi', () => {
  it('calibrates to Loihi spiking ReLU, partitions automatically, emulates and prices an image', async () => {
    const r = await snn('loihi', net, '--calibrate', '--neuron', 'LoihiSpikingRectifiedLinear', '--limit', '100', '--json');
    expect(r.code, r.err).toBe(0);
    const json = lastJsonLine<LoihiJson>(r.out);
    // conv0's population runs on the host (the spikes enter the chip), conv1's 12x12x64 = 9,216 compartments need >= 9 cores
    expect(Object.keys(json.blocks)).toEqual(['conv1_neurons']);
    expect(json.cores).toBe(json.blocks.conv1_neurons);
    expect(json.cores).toBeGreaterThanOrEqual(Math.ceil(9216 / 1024));
    expect(r.out).toMatch(/partition: \d+ cores \(automatic\)/);
    // every core within its limits: no fraction above 100%
    for (const m of r.out.matchAll(/\((\d+)%\)/g)) expect(Number(m[1])).toBeLessThanOrEqual(100);
    // the network trained for 1 epoch on 2,000 images (78.8% as an ANN, train.test.ts) stays far above chance on the chip
    expect(json.accuracy).toBeGreaterThan(0.6);
    expect(json.images).toBe(100);
    for (const hz of Object.values(json.rates)) expect(hz).toBeLessThanOrEqual(1000);
    for (const e of Object.values(json.energyPerImageJ)) expect(e.min).toBeLessThanOrEqual(e.max);
    expect(json.energyPerImageJ.Loihi!.min).toBeGreaterThan(0);
    expect(r.out).toContain('Davies et al.');
  }, 120_000);

  it('a block shape over a core\'s limits fails in Nengo Loihi\'s words; a malformed one is bad usage', async () => {
    const over = await snn('loihi', net, '--calibrate', '--neuron', 'LoihiSpikingRectifiedLinear', '--limit', '10', '--block-shape', 'conv1_neurons=12,12,64');
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/Number of compartments \(9216\) exceeded max \(1024\)/);
    const bad = await snn('loihi', net, '--block-shape', 'conv1_neurons:12');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--block-shape 'conv1_neurons:12': give LAYER=R,C,K/);
  }, 120_000);
});
