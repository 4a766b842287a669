import { describe, expect, it } from 'vitest';
import { createNeuronRegistry } from '@snn/neurons';
import { createSimulator } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { importNir } from './index.js';
import { writeHdf5 } from './hdf5-io.js';
import { f32, group, i64, str, type Hdf5Dataset, type Hdf5Group } from './hdf5-tree.js';

const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
const node = (type: string, datasets: Record<string, Hdf5Dataset>): Hdf5Group => group([['type', str(type)], ...Object.entries(datasets)]);

/** A NIR file laid out as nir.write lays it out: the chain of `nodes` in order. */
function chain(nodes: [string, Hdf5Group][]): Promise<Uint8Array> {
  const ids = nodes.map(([id]) => id);
  const edges = ids.slice(1).flatMap((id, k) => [ids[k], id]);
  const graph = group([['type', str('NIRGraph')], ['nodes', group(nodes)], ['edges', { kind: 'string', shape: [ids.length - 1, 2], data: edges }]]);
  return writeHdf5(group([['version', str('1.0.6')], ['node', graph]]));
}

// A (C=2, H=4, W=4) input, values from a formula so the reference below can index it.
const C = 2, H = 4, W = 4, CO = 3;
const image = (c: number, y: number, x: number): number => ((c * 7 + y * 3 + x * 5) % 11) / 10 - 0.3;
const weight = (o: number, i: number, y: number, x: number): number => ((o * 5 + i * 3 + y * 2 + x) % 7) / 7 - 0.4;
const linear = (o: number, k: number): number => ((o * 13 + k * 7) % 9) / 9 - 0.5;

describe('importing NIR files written the PyTorch way (channels first)', () => {
  it('Conv2d (OIHW, int padding) -> IF (threshold 2) -> SumPool2d -> Flatten (C, H, W) -> Linear computes what the channels-first reference computes', async () => {
    const w = Float32Array.from({ length: CO * C * 9 }, (_, k) => weight(Math.floor(k / 18), Math.floor(k / 9) % 2, Math.floor(k / 3) % 3, k % 3));
    const lw = Float32Array.from({ length: 2 * CO * 4 }, (_, k) => linear(Math.floor(k / 12), k % 12));
    const bytes = await chain([
      ['input', node('Input', { shape: i64([C, H, W]) })],
      ['conv', node('Conv2d', { weight: f32(w, [CO, C, 3, 3]), bias: f32([0.1, -0.1, 0.2], [CO]), stride: i64([1, 1]), padding: i64([1], []), dilation: i64([1, 1]), groups: i64([1], []), input_shape: i64([H, W]) })],
      ['if', node('IF', { r: f32(new Float32Array(CO * H * W).fill(3), [CO, H, W]), v_threshold: f32(new Float32Array(CO * H * W).fill(2), [CO, H, W]), v_reset: f32(new Float32Array(CO * H * W), [CO, H, W]) })],
      ['pool', node('SumPool2d', { kernel_size: i64([2, 2]), stride: i64([2, 2]), padding: i64([0, 0]) })],
      ['flat', node('Flatten', { input_type: i64([CO, 2, 2]), start_dim: i64([0], []), end_dim: i64([-1], []) })],
      ['fc', node('Linear', { weight: f32(lw, [2, CO * 4]) })],
      ['output', node('Output', { shape: i64([2]) })],
    ]);
    const { graph } = await importNir(bytes);
    const sim = await createSimulator(graph, { ...registries, mode: 'rate' });
    const hwc = Float32Array.from({ length: H * W * C }, (_, k) => image(k % C, Math.floor(k / (W * C)), Math.floor(k / C) % W));
    const out = sim.run({ input: hwc }, { probes: { y: { node: 'output', keep: 'last' } } }).probes.y.data;

    // Reference in NIR's own (C, H, W) terms: rate of IF = relu(r / threshold * I).
    const act = (o: number, y: number, x: number): number => {
      let s = [0.1, -0.1, 0.2][o];
      for (let i = 0; i < C; i++)
        for (let dy = 0; dy < 3; dy++)
          for (let dx = 0; dx < 3; dx++) {
            const yy = y + dy - 1, xx = x + dx - 1;
            if (yy >= 0 && yy < H && xx >= 0 && xx < W) s += Math.fround(weight(o, i, dy, dx)) * Math.fround(image(i, yy, xx));
          }
      return Math.max(0, 1.5 * s);
    };
    const flat: number[] = [];
    for (let o = 0; o < CO; o++) for (let py = 0; py < 2; py++) for (let px = 0; px < 2; px++) flat.push(act(o, 2 * py, 2 * px) + act(o, 2 * py, 2 * px + 1) + act(o, 2 * py + 1, 2 * px) + act(o, 2 * py + 1, 2 * px + 1));
    const expected = [0, 1].map((o) => flat.reduce((s, v, k) => s + Math.fround(linear(o, k)) * v, 0));
    expect(expected.some((v) => Math.abs(v) > 0.1)).toBe(true);
    for (let o = 0; o < 2; o++) expect(out[o]).toBeCloseTo(expected[o], 5);
  });

  it('LI (r, v_leak) becomes an affine node and a lowpass synapse, I a linearFilter 1/s: step responses match ZOH with the one-step synapse delay', async () => {
    const run = async (filter: Hdf5Group): Promise<Float32Array> => {
      const { graph } = await importNir(await chain([['u', node('Input', { shape: i64([1]) })], ['f', filter], ['y', node('Output', { shape: i64([1]) })]]));
      const sim = await createSimulator(graph, { ...registries, dt: 0.001 });
      return sim.run({ u: f32([1], [1]).data as Float32Array }, { nSteps: 6, probes: { y: { node: 'y', keep: 'all' } } }).probes.y.data;
    };
    const li = await run(node('LI', { tau: f32([0.01], [1]), r: f32([2], [1]), v_leak: f32([0.5], [1]) }));
    const integ = await run(node('I', { r: f32([2], [1]) }));
    for (let k = 1; k <= 6; k++) {
      expect(li[k - 1]).toBeCloseTo(2.5 * (1 - Math.exp(-(k - 1) * 0.1)), 6);
      expect(integ[k - 1]).toBeCloseTo(2 * (k - 1) * 0.001, 6);
    }
  });
});
