import { describe, expect, it } from 'vitest';
import { decodeSnn, encodeSnn, serializeGraph } from '@snn/ir';
import { kerasToSnnGraph } from '@snn/train';
import { findPeers, snnVersion1 } from './peers.js';

describe('running the PyTorch peers', () => {
  it('rewrites an .snn file in container version 1 (what the peers read) with the same graph and weights', () => {
    const graph = kerasToSnnGraph(3);
    const v2 = encodeSnn(graph);
    const v1 = snnVersion1(v2);
    expect(String.fromCharCode(...v1.subarray(0, 4))).toBe('SNN1');
    expect(v1.length).toBeLessThanOrEqual(v2.length); // four header bytes fewer, up to 12 of padding saved
    expect(serializeGraph(decodeSnn(v1)).json).toEqual(serializeGraph(graph).json);
    const [a, b] = [decodeSnn(v1), graph].map((g) => g.nodes.find((n) => n.id === 'conv1') as unknown as { kernel: { data: Float32Array } });
    expect(Array.from(a.kernel.data)).toEqual(Array.from(b.kernel.data));
    expect(() => snnVersion1(v1)).toThrow(/version 2/);
  });

  it('says why they cannot run when the scripts are missing', async () => {
    const before = process.env.SNN_PEERS_DIR;
    process.env.SNN_PEERS_DIR = '/nonexistent/peers';
    try {
      const peers = await findPeers();
      expect('unavailable' in peers && peers.unavailable).toMatch(/no peer scripts at \/nonexistent\/peers/);
    } finally {
      if (before === undefined) delete process.env.SNN_PEERS_DIR;
      else process.env.SNN_PEERS_DIR = before;
    }
  });
});
