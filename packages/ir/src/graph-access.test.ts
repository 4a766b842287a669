import { describe, expect, it } from 'vitest';
import type { Graph } from './types.js';
import { getNode, inputsOf, outputsOf, topoOrder } from './graph-access.js';
import { isSnnError } from './errors.js';

// A diamond listed out of order: 'out' first, then the branches, the input last.
const diamond: Graph = {
  nodes: [
    { id: 'out', kind: 'output' },
    { id: 'sum', kind: 'add' },
    { id: 'right', kind: 'neurons', neuronType: 'LIF' },
    { id: 'left', kind: 'neurons', neuronType: 'LIF' },
    { id: 'x', kind: 'input', shape: [3] },
  ],
  edges: [
    { source: 'sum', target: 'out' },
    { source: 'left', target: 'sum' },
    { source: 'right', target: 'sum' },
    { source: 'x', target: 'left' },
    { source: 'x', target: 'right', synapse: { type: 'lowpass', params: { tau: 0.005 } } },
  ],
};

describe('topoOrder', () => {
  it('places every node after its inputs, ready nodes in insertion order', () => {
    // After 'x', both branches are ready; 'right' was inserted before 'left'.
    expect(topoOrder(diamond)).toEqual(['x', 'right', 'left', 'sum', 'out']);
  });

  it('keeps an already ordered graph in its order', () => {
    const ordered: Graph = { ...diamond, nodes: ['x', 'left', 'right', 'sum', 'out'].map((id) => getNode(diamond, id)) };
    expect(topoOrder(ordered)).toEqual(['x', 'left', 'right', 'sum', 'out']);
  });

  it('prefers earlier-inserted independent inputs', () => {
    const g: Graph = {
      nodes: [
        { id: 'b', kind: 'input', shape: [1] },
        { id: 'a', kind: 'input', shape: [1] },
        { id: 'c', kind: 'concat', axis: 0 },
      ],
      edges: [
        { source: 'a', target: 'c' },
        { source: 'b', target: 'c' },
      ],
    };
    expect(topoOrder(g)).toEqual(['b', 'a', 'c']);
  });

  it('reports a cycle with its nodes', () => {
    const g: Graph = { ...diamond, edges: [...diamond.edges, { source: 'sum', target: 'left' }] };
    expect(() => topoOrder(g)).toThrow(/cycle: 'sum' -> 'left' -> 'sum'/);
    try {
      topoOrder(g);
    } catch (e) {
      expect(isSnnError(e, 'IR_CYCLE')).toBe(true);
    }
  });
});

describe('inputsOf / outputsOf / getNode', () => {
  it('lists edges in edge order', () => {
    expect(inputsOf(diamond, 'sum').map((e) => e.source)).toEqual(['left', 'right']);
    expect(outputsOf(diamond, 'x').map((e) => e.target)).toEqual(['left', 'right']);
    expect(outputsOf(diamond, 'x')[1].synapse).toEqual({ type: 'lowpass', params: { tau: 0.005 } });
    expect(inputsOf(diamond, 'x')).toEqual([]);
  });

  it('throws IR_UNKNOWN_NODE naming the id and listing known ones', () => {
    expect(getNode(diamond, 'left').kind).toBe('neurons');
    for (const fn of [() => getNode(diamond, 'nope'), () => inputsOf(diamond, 'nope'), () => outputsOf(diamond, 'nope')]) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isSnnError(e, 'IR_UNKNOWN_NODE')).toBe(true);
        expect((e as Error).message).toContain("'nope'");
        expect((e as Error).message).toContain("'sum'");
      }
    }
  });
});
