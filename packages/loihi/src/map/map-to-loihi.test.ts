import { describe, expect, it } from 'vitest';
import { GraphBuilder, param, scalar, setSynapses, type Graph } from '@snn/ir';
import { LoihiEmulator } from '../emulator/loihi-emulator.js';
import { graphToLoihiLayers } from './graph-to-layers.js';
import { mapToLoihi } from './map-to-loihi.js';
import { toEmulatorNetwork } from './to-emulator-network.js';

/** Spec §6.2 Trace B as an IR graph: a (gain 0, bias [20, 5]) -> transform -> b (gain 1, bias [0.5, 1.5]), lowpass 0.005. */
function traceB(): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [2]);
  const a = b.neurons(x, { id: 'a', neuronType: 'LoihiLIF', gain: scalar(0), bias: param(Float32Array.of(20, 5), [2]) });
  // Nengo transform [[0.5, -0.25], [0.1, 0]] is (post x pre); a dense node's weights are (in, out).
  const ab = b.dense(a, { id: 'ab', weights: param(Float32Array.of(0.5, 0.1, -0.25, 0), [2, 2]) });
  const n = b.neurons(ab, { id: 'b', neuronType: 'LoihiLIF', gain: param(Float32Array.of(1, 1), [2]), bias: param(Float32Array.of(0.5, 1.5), [2]) });
  b.output(b.dense(n, { id: 'readout', weights: param(Float32Array.of(1, 0, 0, 1), [2, 2]) }), 'out');
  return setSynapses(b.build(), { type: 'lowpass', params: { tau: 0.005 } });
}

const arithmetic = (first: number, step: number, last: number): number[] =>
  Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + i * step);

describe('mapToLoihi: spec §6.2 Trace B from an IR graph', () => {
  const mapping = mapToLoihi(traceB(), { offChip: [] });
  const [a, b] = mapping.layers;

  it('block a: no connection, default filter 0.005 (decay_u 741), vth 536704, bias [524160, 131040]', () => {
    expect(a!.source).toBeUndefined();
    expect(a!.block.decayU).toBe(741);
    expect([...a!.block.vth]).toEqual([536704, 536704]);
    expect([...a!.block.bias]).toEqual([524160, 131040]);
  });

  it('block b: w_max 500, vth 3712, bias [90, 270], W_int [[16256, 3328], [-8192, 0]], filter from the edge', () => {
    expect(b!.source).toBe('a');
    expect(b!.block.wMax).toBe(500);
    expect(b!.block.wScale).toBeCloseTo(0.51, 12);
    expect(b!.block.wExp).toBe(0);
    expect([...b!.block.vth]).toEqual([3712, 3712]);
    expect([...b!.block.bias]).toEqual([90, 270]);
    expect([...b!.block.synapses[0]!.weights]).toEqual([16256, 3328, -8192, 0]);
    expect(b!.block.decayU).toBe(741);
    expect(b!.block.decayV).toBe(200);
    expect(b!.block.refractDelay).toBe(3);
    // 0.5 * 500 * 0.51 = 127.5 rounds to 128, clipped to 127: one weight unit off (x 2^7 chip units).
    expect(b!.quantization!.maxAbsError).toBeCloseTo(0.5 * 128, 9);
  });

  it('the emulator reproduces the spike times of a and b', () => {
    const emu = new LoihiEmulator(toEmulatorNetwork(mapping));
    const spikes: Record<string, number[][]> = { a: [[], []], b: [[], []] };
    for (let t = 1; t <= 40; t++) {
      emu.step();
      for (const label of ['a', 'b']) for (const c of [0, 1]) if (emu.spiked(label)[c]) spikes[label]![c]!.push(t);
    }
    expect(spikes.a![0]).toEqual(arithmetic(2, 4, 40));
    expect(spikes.a![1]).toEqual([5, 12, 19, 26, 33, 40]);
    expect(spikes.b![0]).toEqual([3, 7, ...arithmetic(10, 3, 40)]);
    expect(spikes.b![1]).toEqual(arithmetic(3, 4, 40));
  });

  it('graphToLoihiLayers: a first, b dense, the readout on the host', () => {
    expect(graphToLoihiLayers(traceB(), { offChip: [] })).toEqual([
      { name: 'a', shape: [2] },
      { name: 'b', shape: [2], input: { kind: 'dense' } },
      { name: 'readout', shape: [2], input: { kind: 'dense' }, offChip: true },
    ]);
  });

  it('rejects a population that reads the input on chip, and non-lowpass synapses', () => {
    const g = traceB();
    const fed = { ...g, nodes: g.nodes.map((n) => (n.id === 'a' ? { ...n, gain: scalar(1) } : n)) };
    expect(() => mapToLoihi(fed, { offChip: [] })).toThrow(/run the first population off-chip/);
    const alpha = setSynapses(g, { type: 'alpha', params: { tau: 0.005 } });
    expect(() => mapToLoihi(alpha, { offChip: [] })).toThrow(/Cannot handle non-Lowpass synapses/);
  });
});
