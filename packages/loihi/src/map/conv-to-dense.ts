import { samePadding, type ConvNode, type Shape } from '@snn/ir';
import { loihiError } from '../error-codes.js';

/**
 * Expand a 2-D conv kernel (kh, kw, cIn, cOut) over an input of `inShape` (h, w, cIn) into a
 * dense `axons x compartments` matrix (input pixels x channels by output pixels x channels, C
 * order), so the dense emulator synapse can carry it. The one place conv connections become
 * dense: a conv synapse type replaces this function.
 */
export function convToDense(conv: ConvNode, inShape: Shape, outShape: Shape): Float64Array {
  if (inShape.length !== 3 || conv.kernel.shape.length !== 4) {
    throw loihiError('LOIHI_UNSUPPORTED', `conv "${conv.id}": the Loihi mapper handles 2-D convolutions (input h, w, c), got input shape [${inShape.join(', ')}]`, conv.id);
  }
  if ((conv.dilation ?? [1, 1]).some((d) => d !== 1)) throw loihiError('LOIHI_UNSUPPORTED', `conv "${conv.id}": dilation must be 1 on Loihi`, conv.id);
  const [h, w, cIn] = inShape as [number, number, number];
  const [kh, kw, , cOut] = conv.kernel.shape as [number, number, number, number];
  const [oh, ow] = outShape as [number, number, number];
  const [sy, sx] = conv.strides as [number, number];
  const [py, px] = pads(conv, h, w, kh, kw, sy, sx);
  const nOut = oh * ow * cOut;
  const k = conv.kernel.data;
  const out = new Float64Array(h * w * cIn * nOut);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sy + ky - py;
        if (iy < 0 || iy >= h) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = ox * sx + kx - px;
          if (ix < 0 || ix >= w) continue;
          for (let ci = 0; ci < cIn; ci++) {
            const row = ((iy * w + ix) * cIn + ci) * nOut + (oy * ow + ox) * cOut;
            const kRow = ((ky * kw + kx) * cIn + ci) * cOut;
            for (let co = 0; co < cOut; co++) out[row + co] = k[kRow + co]!;
          }
        }
      }
    }
  }
  return out;
}

function pads(conv: ConvNode, h: number, w: number, kh: number, kw: number, sy: number, sx: number): [number, number] {
  const p = conv.padding;
  if (p === 'valid') return [0, 0];
  if (p === 'same') return [samePadding(h, kh, sy)[0], samePadding(w, kw, sx)[0]];
  return [p[0]![0], p[1]![0]];
}
