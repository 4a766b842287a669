import { describe, expect, it } from 'vitest';
import type { LoihiLayer } from './layer.js';
import { splitNetwork } from './split-network.js';
import { kerasToLoihiBlockShapes, kerasToLoihiLayers } from './test-support/keras-to-loihi-layers.js';

const counts = (blocks: { compartments: number; inAxons: number; outAxonSlots: number; synapseBits: number }[]) =>
  blocks.map((b) => [b.compartments, b.inAxons, b.outAxonSlots, b.synapseBits]);

describe('splitNetwork on the keras-to-loihi example (spec §5)', () => {
  it("with the example's block shapes: 8 + 4 + 2 = 14 cores, per-block counts as Nengo Loihi", () => {
    const p = splitNetwork(kerasToLoihiLayers, kerasToLoihiBlockShapes);
    expect(p.layers.map((l) => l.name)).toEqual(['conv0', 'conv1', 'dense0']);
    expect(counts(p.layers[0]!.blocks)).toEqual(new Array(8).fill([676, 729, 1352, 12800]));
    expect(counts(p.layers[1]!.blocks)).toEqual(new Array(4).fill([576, 169, 1152, 457216]));
    expect(counts(p.layers[2]!.blocks)).toEqual(new Array(2).fill([50, 2304, 0, 1032192]));
    expect(p.cores).toBe(14);
    expect(p.layers[2]!.blocks.map((b) => b.label)).toEqual(['dense0[0:50:1]', 'dense0[50:100:1]']);
  });

  it("without block shapes: Nengo Loihi's sequential split, 6 + 6 + 2 = 14 cores", () => {
    const p = splitNetwork(kerasToLoihiLayers);
    expect(p.layers[0]!.blocks.map((b) => b.compartments)).toEqual([902, 902, 902, 902, 902, 898]);
    expect(counts(p.layers[1]!.blocks).map((c) => [c[0], c[3]])).toEqual(new Array(6).fill([384, 884736]));
    expect(p.layers[2]!.blocks.map((b) => b.compartments)).toEqual([50, 50]);
    expect(p.layers[0]!.blockShape.shape).toEqual([902]);
    expect(p.cores).toBe(14);
  });

  it('one core for dense0 exceeds the synapse memory, in Nengo Loihi wording', () => {
    expect(() => splitNetwork(kerasToLoihiLayers, { ...kerasToLoihiBlockShapes, dense0: [100] }))
      .toThrow('LoihiBlock(dense0): Total synapse bits (2064384) exceeded max (1048576)');
    expect(() => splitNetwork(kerasToLoihiLayers, { conv1: [6, 6, 64] }))
      .toThrow('Compartment(conv1): Number of compartments (2304) exceeded max (1024)');
  });

  it('rejects block shapes that do not fit the layer, naming it', () => {
    expect(() => splitNetwork(kerasToLoihiLayers, { conv0: [16, 16] })).toThrow('conv0: `shape` and `ensemble_shape` must be the same length');
    expect(() => splitNetwork(kerasToLoihiLayers, { 'to-spikes': [4, 4, 3] })).toThrow('to-spikes: a block shape is given for a layer that is not on chip');
  });
});

describe('splitNetwork on upstream split tests (spec §6.1)', () => {
  const nodeToEnsemble = (n: number): LoihiLayer[] => [
    // a 513-d Node enters the chip through 1026 on/off input axons
    { name: 'node', shape: [1026], offChip: true },
    { name: 'ens', shape: [n], input: { kind: 'dense' } },
  ];

  it('test_split_probe: 8 and 40 neurons fit one block, 200 split in two', () => {
    expect(counts(splitNetwork(nodeToEnsemble(8)).layers[0]!.blocks)).toEqual([[8, 1026, 0, 131328]]);
    expect(counts(splitNetwork(nodeToEnsemble(40)).layers[0]!.blocks)).toEqual([[40, 1026, 0, 393984]]);
    expect(counts(splitNetwork(nodeToEnsemble(200)).layers[0]!.blocks)).toEqual([[100, 1026, 0, 919296], [100, 1026, 0, 919296]]);
  });

  it('test_split_ensembles: 1100 -> 550 + 550; 400 with (134,) -> 134, 134, 132; 400 -> one block', () => {
    const ens = (n: number): LoihiLayer[] => [{ name: 'ens', shape: [n] }];
    expect(splitNetwork(ens(1100)).layers[0]!.blocks.map((b) => b.compartments)).toEqual([550, 550]);
    expect(splitNetwork(ens(400), { ens: [134] }).layers[0]!.blocks.map((b) => b.compartments)).toEqual([134, 134, 132]);
    expect(splitNetwork(ens(400)).layers[0]!.blocks.map((b) => [b.label, b.compartments])).toEqual([['ens', 400]]);
  });

  it('counts unused input pixels as axons only while a conv layer is unsplit', () => {
    // 5x5 input, 3x3 stride 2 valid -> 2x2: row/col 4 reach no output... all rows 0..4 are used
    // 6x6 input -> 2x2: row/col 5 unused, so 25 of 36 pixel axons reach a split block
    const layers: LoihiLayer[] = [
      { name: 'in', shape: [6, 6, 1], offChip: true },
      { name: 'c', shape: [2, 2, 4], input: { kind: 'conv2d', kernel: [3, 3], strides: [2, 2], padding: 'valid' } },
    ];
    expect(splitNetwork(layers).layers[0]!.blocks[0]!.inAxons).toBe(36);
    expect(splitNetwork(layers, { c: [2, 2, 2] }).layers[0]!.blocks.map((b) => b.inAxons)).toEqual([25, 25]);
  });
});
