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
  saturation: Record<string, { saturatedNeurons: number; neurons: number; fraction: number }>;
  warnings: string[];
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
    // measured 0.78: within 3 binomial standard errors of an accuracy on 100 images of the ANN's
    // 0.788, 3 * sqrt(0.788 * 0.212 / 100) = 0.123, on both sides
    expect(Math.abs(json.accuracy - 0.788)).toBeLessThan(3 * Math.sqrt((0.788 * 0.212) / 100));
    expect(json.images).toBe(100);
    for (const hz of Object.values(json.rates)) expect(hz).toBeLessThanOrEqual(1000);
    for (const e of Object.values(json.energyPerImageJ)) expect(e.min).toBeLessThanOrEqual(e.max);
    expect(json.energyPerImageJ.Loihi!.min).toBeGreaterThan(0);
    expect(r.out).toContain('Davies et al.');
    expect(Object.keys(json.saturation)).toEqual(['conv1_neurons']);
    expect(json.saturation.conv1_neurons!.neurons).toBe(9216);
  }, 120_000);

  it('rates scaled past one spike per step: the saturation warning names the layer, and 1 or 2 worker threads agree', async () => {
    const args = ['loihi', net, '--neuron', 'LoihiSpikingRectifiedLinear', '--scale', '10000', '--synapse', '0.005', '--limit', '100', '--json'];
    const one = await snn(...args, '--workers', '1');
    const two = await snn(...args, '--workers', '2');
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    const [a, b] = [lastJsonLine<LoihiJson>(one.out), lastJsonLine<LoihiJson>(two.out)];
    const s = a.saturation.conv1_neurons!;
    expect(s.saturatedNeurons).toBeGreaterThan(0);
    const warning = `conv1_neurons: ${s.saturatedNeurons} of 9216 neurons spiked on every step from their first spike on (${(100 * s.fraction).toFixed(2)}% of neuron-image pairs over 100 images x 30 steps), saturated at the inverse time step (1000.000 Hz): a Loihi neuron spikes at most once per step, so larger inputs are clipped; lower the firing-rate scale of conv1_neurons`;
    expect(a.warnings).toContain(warning);
    expect(one.err).toContain(`snn: warning: ${warning}`);
    expect(one.out).toContain(`saturated at one spike per step (neurons that spiked on every step from their first spike on): conv1_neurons ${s.saturatedNeurons}/9216`);
    expect({ ...b, seconds: 0 }).toEqual({ ...a, seconds: 0 });
    expect(two.out).toContain('s on 2 threads');
  }, 180_000);

  it('--max-rate at one spike per step for Loihi neurons is bad usage, in Nengo\'s words naming the layer', async () => {
    const r = await snn('loihi', net, '--calibrate', '--neuron', 'LoihiSpikingRectifiedLinear', '--max-rate', '1000', '--limit', '10');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--max-rate: conv0_neurons: Max rates must be below the inverse time step (1000.000): a LoihiSpikingRectifiedLinear neuron spikes at most once per step; lower the max rate (1000 Hz) below 1000 Hz, i.e. the firing-rate scale');
  }, 60_000);

  it('a block shape over a core\'s limits fails in Nengo Loihi\'s words; a malformed one is bad usage', async () => {
    const over = await snn('loihi', net, '--calibrate', '--neuron', 'LoihiSpikingRectifiedLinear', '--limit', '10', '--block-shape', 'conv1_neurons=12,12,64');
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/Number of compartments \(9216\) exceeded max \(1024\)/);
    const bad = await snn('loihi', net, '--block-shape', 'conv1_neurons:12');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--block-shape 'conv1_neurons:12': give LAYER=R,C,K/);
  }, 120_000);
});
