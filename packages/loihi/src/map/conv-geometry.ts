import type { ConvNode } from '@snn/ir';
import { loihiError } from '../error-codes.js';
import type { ChainLayer } from './chain.js';

/** What the emulator's `ConvSynapse` needs of a conv connection besides its kernel. */
export interface ConvGeometry {
  readonly inputShape: readonly [number, number, number];
  readonly kernelSize: readonly [number, number];
  readonly filters: number;
  readonly strides: readonly [number, number];
  readonly padding: 'valid' | 'same';
}

/**
 * The geometry of `layer`'s conv connection: 2-D, undilated, ungrouped, `valid` or `same`
 * padding (as Keras writes them; the chip maps exactly these), else `LOIHI_UNSUPPORTED` naming the conv.
 */
export function convGeometry(layer: ChainLayer): ConvGeometry {
  const conv = layer.transform as ConvNode;
  const fail = (what: string): never => {
    throw loihiError('LOIHI_UNSUPPORTED', `conv "${conv.id}": ${what}`, conv.id);
  };
  if (layer.inShape.length !== 3 || conv.kernel.shape.length !== 4) fail(`the Loihi mapper handles 2-D convolutions (input h, w, c), got input shape [${layer.inShape.join(', ')}]`);
  if ((conv.dilation ?? [1, 1]).some((d) => d !== 1)) fail('dilation must be 1 on Loihi');
  if ((conv.groups ?? 1) !== 1) fail('grouped convolutions are not mapped to Loihi; use groups 1');
  if (conv.padding !== 'valid' && conv.padding !== 'same') fail('explicit padding is not mapped to Loihi; use valid or same');
  const [h, w, c] = layer.inShape as [number, number, number];
  const [kh, kw, , k] = conv.kernel.shape as [number, number, number, number];
  return { inputShape: [h, w, c], kernelSize: [kh, kw], filters: k, strides: [conv.strides[0]!, conv.strides[1]!], padding: conv.padding as 'valid' | 'same' };
}
