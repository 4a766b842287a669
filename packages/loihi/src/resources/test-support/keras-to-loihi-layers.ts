import type { LoihiLayer } from '../layer.js';

const conv3x3s2 = { kind: 'conv2d', kernel: [3, 3], strides: [2, 2], padding: 'valid' } as const;

/**
 * The layers of Nengo Loihi's keras-to-loihi example (spec §5) as the resource model sees them:
 * to-spikes off-chip, conv 3x3x32 stride 2, conv 3x3x64 stride 2, dense 100, dense 10 on the host.
 * Test data only (not exported from the package).
 */
export const kerasToLoihiLayers: readonly LoihiLayer[] = [
  { name: 'to-spikes', shape: [28, 28, 3], offChip: true },
  { name: 'conv0', shape: [13, 13, 32], input: conv3x3s2 },
  { name: 'conv1', shape: [6, 6, 64], input: conv3x3s2 },
  { name: 'dense0', shape: [100], input: { kind: 'dense' } },
  { name: 'dense1', shape: [10], input: { kind: 'dense' }, offChip: true },
];

/** The example's manual block shapes (spec §5). */
export const kerasToLoihiBlockShapes = { conv0: [16, 16, 4], conv1: [8, 8, 16], dense0: [50] } as const;
