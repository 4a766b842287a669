import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyConversion, type Graph } from '@snn/ir';
import { importKeras } from '@snn/keras-import';
import { loadMnist } from '@snn/mnist/node';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import { createSimulator } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { exportNir, importNir } from './index.js';

const FIXTURES = process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/keras/', import.meta.url));
const registries = { neurons: createNeuronRegistry(), synapses: createSynapseRegistry() };
const N_STEPS = 30;

/** Spikes of every neurons node and the output, for 4 MNIST digits over N_STEPS steps. */
async function spikes(graph: Graph): Promise<Float32Array[]> {
  const probes = Object.fromEntries(graph.nodes.filter((n) => n.kind === 'neurons' || n.kind === 'output').map((n, i) => [`p${i}`, { node: n.id, keep: 'all' as const }]));
  const sim = await createSimulator(graph, { ...registries, seed: 3 });
  const input = graph.nodes.find((n) => n.kind === 'input')?.id as string;
  const images = loadMnist('test', 4).images;
  const result = sim.run({ [input]: images }, { nSteps: N_STEPS, probes });
  return Object.keys(probes).map((k) => result.probes[k].data);
}

/** The members of an HDF5 group of the exported file, opened with h5wasm. */
async function openNir(bytes: Uint8Array): Promise<InstanceType<typeof h5wasm.File>> {
  const m = await h5wasm.ready;
  m.FS.writeFile('/check.nir', bytes);
  return new h5wasm.File('/check.nir', 'r');
}

describe('NIR round trip of a converted Keras network', () => {
  let spiking: Graph;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const file = 'snn_lenet_avgpool_bias.h5';
    const { graph } = await importKeras({ bytes: new Uint8Array(readFileSync(FIXTURES + file)), fileName: file });
    spiking = applyConversion(graph, { swapNeurons: { byType: { RectifiedLinear: 'IntegrateAndFire' } }, scaleFiringRates: 500 }, conversionHooks(registries.neurons)).graph;
    bytes = await exportNir(spiking);
  });

  it('imported back, gives the same spikes in @snn/sim at every step (exactly equal)', async () => {
    const { graph, warnings } = await importNir(bytes);
    expect(warnings).toEqual([]);
    const before = await spikes(spiking);
    const after = await spikes(graph);
    expect(after.length).toBe(before.length);
    let total = 0;
    for (let i = 0; i < before.length; i++) {
      expect(Array.from(after[i])).toEqual(Array.from(before[i]));
      total += before[i].reduce((a, v) => a + (v !== 0 ? 1 : 0), 0);
    }
    expect(total).toBeGreaterThan(1000); // the network does spike
  });

  it("follows NIR's schema: version, node group of type NIRGraph, nodes with their datasets and shapes, (E, 2) edges", async () => {
    const f = await openNir(bytes);
    try {
      expect(typeof (f.get('version') as InstanceType<typeof h5wasm.Dataset>).value).toBe('string');
      expect((f.get('node/type') as InstanceType<typeof h5wasm.Dataset>).value).toBe('NIRGraph');
      const nodes = f.get('node/nodes') as InstanceType<typeof h5wasm.Group>;
      const types = Object.fromEntries(nodes.keys().map((k) => [k, (f.get(`node/nodes/${k}/type`) as InstanceType<typeof h5wasm.Dataset>).value]));
      const kinds = new Set(Object.values(types));
      for (const t of ['Input', 'Conv2d', 'IF', 'AvgPool2d', 'Flatten', 'Affine', 'Output', 'Scale']) expect(kinds).toContain(t);
      const edges = f.get('node/edges') as InstanceType<typeof h5wasm.Dataset>;
      expect(edges.shape?.[1]).toBe(2);
      const ends = (edges.value as string[]).filter((s) => !(s in types));
      expect(ends).toEqual([]);
      const shapeOf = (p: string): number[] => ((f.get(p) as InstanceType<typeof h5wasm.Dataset>).shape ?? []).map(Number);
      for (const [id, type] of Object.entries(types)) {
        const at = (name: string): string => `node/nodes/${id}/${name}`;
        if (type === 'Input') expect(Array.from((f.get(at('shape')) as InstanceType<typeof h5wasm.Dataset>).value as BigInt64Array, Number)).toEqual([1, 28, 28]);
        if (type === 'Conv2d') {
          const conv = spiking.nodes.find((n) => n.id.replaceAll('/', '.') === id);
          const [kh, kw, ci, co] = conv?.kind === 'conv' ? conv.kernel.shape : [];
          expect(shapeOf(at('weight'))).toEqual([co, ci, kh, kw]);
          expect(shapeOf(at('bias'))).toEqual([co]);
          for (const k of ['stride', 'padding', 'dilation', 'input_shape']) expect(shapeOf(at(k))).toEqual([2]);
          expect(shapeOf(at('groups'))).toEqual([]);
        }
        if (type === 'IF') {
          const s = shapeOf(at('r'));
          expect(shapeOf(at('v_threshold'))).toEqual(s);
          expect(shapeOf(at('v_reset'))).toEqual(s);
        }
        if (type === 'Affine') expect(shapeOf(at('bias'))).toEqual([shapeOf(at('weight'))[0]]);
        if (type === 'AvgPool2d') for (const k of ['kernel_size', 'stride', 'padding']) expect(shapeOf(at(k))).toEqual([2]);
        if (type === 'Flatten') expect(shapeOf(at('input_type'))).toEqual([3]);
      }
    } finally {
      f.close();
    }
  });
});
