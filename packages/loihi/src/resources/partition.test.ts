import { describe, expect, it } from 'vitest';
import { bitsPerAxon, denseSynapseFormat } from './bits-per-axon.js';
import { blockTiles, nSplits } from './block-shape.js';
import type { LoihiLayer } from './layer.js';
import { blockFits } from './limits.js';
import { autoPartition, candidateBlockShapes } from './partition.js';
import { splitNetwork } from './split-network.js';
import { kerasToLoihiLayers } from './test-support/keras-to-loihi-layers.js';
import { coreUtilization } from './utilization.js';
import { coreTable } from './utilization-table.js';

describe('autoPartition', () => {
  it('places the keras-to-loihi example on 11 cores (conv0 6, conv1 3, dense0 2), every block fitting', () => {
    const p = autoPartition(kerasToLoihiLayers);
    expect(p.layers.map((l) => l.blocks.length)).toEqual([6, 3, 2]);
    expect(p.cores).toBe(11);
    for (const l of p.layers) for (const b of l.blocks) expect(blockFits(b)).toBe(true);
    // the chosen shapes reproduce the same counts through the ordinary splitter
    const shapes = Object.fromEntries(p.layers.filter((l) => l.blockShape.ensembleShape.length > 1 || l.name === 'dense0')
      .map((l) => [l.name, l.blockShape.shape]));
    const again = splitNetwork(kerasToLoihiLayers, shapes);
    for (const [i, l] of p.layers.entries())
      if (l.name in shapes) expect(again.layers[i]!.blocks).toEqual(l.blocks);
  });

  it('is no worse than the compartment lower bound on a dense chain', () => {
    const layers: LoihiLayer[] = [
      { name: 'in', shape: [784], offChip: true },
      { name: 'h', shape: [3000], input: { kind: 'dense' } },
      { name: 'out', shape: [10], input: { kind: 'dense' } },
    ];
    const p = autoPartition(layers);
    // 3000 compartments need 3 cores, but 784 axons of 1000 weights (8448 bits each) exceed the synapse memory: bits decide
    for (const l of p.layers) for (const b of l.blocks) expect(blockFits(b)).toBe(true);
    const h = p.layers[0]!;
    // 784 * bitsPerAxon(n) <= 2^20 holds up to n = 142 weights per axon: ceil(3000 / 142) = 22 blocks
    expect(h.blocks.length).toBe(22);
    expect(784 * bitsPerAxon(142, denseSynapseFormat)).toBeLessThanOrEqual(1048576);
    expect(784 * bitsPerAxon(143, denseSynapseFormat)).toBeGreaterThan(1048576);
    // one block fewer would exceed a limit for every candidate with fewer blocks
    const fewer = candidateBlockShapes([3000]).filter((s) => nSplits(s) < h.blocks.length);
    for (const s of fewer) {
      const sizes = blockTiles(s).map((t) => t.length);
      const fits = sizes.every((n) => blockFits({ compartments: n, inAxons: 784, outAxonSlots: 0, synapseBits: 0 }) && 784 * bitsPerAxon(n, denseSynapseFormat) <= 1048576);
      expect(fits).toBe(false);
    }
  });

  it('candidate shapes cover every block count along each axis and never exceed 1024 compartments', () => {
    const c = candidateBlockShapes([13, 13, 32]);
    for (const s of c) expect(s.shape.reduce((a, b) => a * b, 1)).toBeLessThanOrEqual(1024);
    expect(c.map(nSplits)).toEqual([...c.map(nSplits)].sort((a, b) => a - b));
    expect(c.some((s) => s.shape.join() === '16,16,4'.replace('16,16', '13,13'))).toBe(true);
  });
});

it('splits a layer further when its output axons into the next layer would exceed a core', () => {
  // 1024 -> 5000: the second layer needs 5 blocks (1000 each: 1024 axons x 8448 bits is too many, so more),
  // and a 1024-compartment block of the first would send 1024 axons to each of them
  const layers: LoihiLayer[] = [
    { name: 'a', shape: [1024] },
    { name: 'b', shape: [5000], input: { kind: 'dense' } },
  ];
  const p = autoPartition(layers);
  const nb = p.layers[1]!.blocks.length;
  expect(nb).toBeGreaterThan(4);
  const a = p.layers[0]!.blocks;
  expect(a.length).toBe(Math.ceil(1024 / Math.floor(4096 / nb)));
  for (const b of a) expect(b.outAxonSlots).toBe(b.compartments * nb);
  for (const l of p.layers) for (const b of l.blocks) expect(blockFits(b)).toBe(true);
  expect(() => splitNetwork(layers, { a: [1024], b: p.layers[1]!.blockShape.shape })).toThrow(`LoihiBlock(a): Output axons (${1024 * nb}) exceeded max (4096)`);
});

describe('coreUtilization', () => {
  it('lists every core with its counts as fractions of the limits', () => {
    const rows = coreUtilization(splitNetwork(kerasToLoihiLayers, { conv0: [16, 16, 4], conv1: [8, 8, 16], dense0: [50] }));
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r.core)).toEqual([...Array(14).keys()]);
    const conv1 = rows[8]!;
    expect(conv1.layer).toBe('conv1');
    expect(conv1.compartmentsFraction).toBe(576 / 1024);
    expect(conv1.inAxonsFraction).toBe(169 / 4096);
    expect(conv1.outAxonsFraction).toBe(1152 / 4096);
    expect(conv1.synapseBitsFraction).toBe(457216 / 1048576);
    expect(rows[13]!.synapseBitsFraction).toBe(1032192 / 1048576);
  });
});

describe('coreTable', () => {
  it("prints the example's block-shape partition as one row per core with the spec's counts and shares", () => {
    const table = coreTable(splitNetwork(kerasToLoihiLayers, { conv0: [16, 16, 4], conv1: [8, 8, 16], dense0: [50] }));
    expect(table.headers).toEqual(['core', 'block', 'compartments', 'in axons', 'out axons', 'synapse bits']);
    expect(table.rows).toHaveLength(14);
    // spec §5: conv1 blocks 576 compartments, 169 in-axons, 1152 out slots, 457216 bits; dense0 blocks 50, 2304, 0, 1032192
    expect(table.rows[8]!.slice(2)).toEqual(['576 (56%)', '169 (4%)', '1,152 (28%)', '457,216 (44%)']);
    expect(table.rows[13]!.slice(2)).toEqual(['50 (5%)', '2,304 (56%)', '0 (0%)', '1,032,192 (98%)']);
    expect(table.align).toHaveLength(table.headers.length);
  });
});
