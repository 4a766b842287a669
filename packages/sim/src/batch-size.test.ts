import { describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal } from '@snn/ir';
import { autoBatchSize } from './batch-size.js';

/** input 28x28x1 -> conv 3x3xC (26x26xC) -> neurons -> dense 10: 2 * 676 * C + 10 values per sample. */
function graph(channels: number) {
  const rng = createRng(1);
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { kernel: heNormal([3, 3, 1, channels], 9, rng) });
  h = b.neurons(h, { neuronType: 'SpikingRectifiedLinear' });
  b.output(b.dense(b.flatten(h), { weights: heNormal([676 * channels, 10], 676 * channels, rng) }), 'out');
  return b.build();
}

describe('autoBatchSize', () => {
  it('fits a 16 MB spiking working set at 16 bytes per node value, within 8..100', () => {
    // 32 channels: conv + neurons + flatten 3 x 21,632 values + 10 (dense) + 10 (output)
    const perSample = 16 * (3 * 26 * 26 * 32 + 20);
    expect(autoBatchSize(graph(32))).toBe(Math.floor((16 << 20) / perSample));
    expect(autoBatchSize(graph(32))).toBe(16);
    expect(autoBatchSize(graph(1))).toBe(100); // tiny network: capped
    expect(autoBatchSize(graph(512))).toBe(8); // huge network: floored
  });

  it('keeps 100 in rate mode (one pass of backend ops per batch)', () => {
    expect(autoBatchSize(graph(32), 'rate')).toBe(100);
  });
});
