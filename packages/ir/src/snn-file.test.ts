import { describe, expect, it } from 'vitest';
import type { Graph } from './types.js';
import { GraphBuilder } from './builder.js';
import { createRng } from './random.js';
import { align, serializeGraph } from './serialize.js';
import { decodeSnn, encodeSnn } from './snn-file.js';
import { crc32 } from './crc32.js';
import { SnnError } from './errors.js';

function small(seed: number): Graph {
  const rng = createRng(seed);
  const values = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.next() * 2 - 1);
  const b = new GraphBuilder();
  const x = b.input('image', [6]);
  const d = b.dense(x, { id: 'hidden', weights: { shape: [6, 5], data: values(30) }, bias: { shape: [5], data: values(5) } });
  const r = b.neurons(d, { id: 'lif', neuronType: 'LIF', params: { tauRc: 0.02, tauRef: 0.002, amplitude: 0.01 } });
  b.output(b.dense(r, { id: 'out', weights: { shape: [5, 3], data: values(15) } }), 'probe');
  return b.build({ metadata: { source: 'snn-file.test' } });
}

/** The error `decodeSnn` throws for `bytes` read as `file`, or undefined when the bytes load. */
function refusal(bytes: Uint8Array, file: string): SnnError | undefined {
  try {
    decodeSnn(bytes, { source: file });
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(SnnError);
    return e as SnnError;
  }
}

describe('crc32', () => {
  it('matches the IEEE check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('.snn files refuse damage (never half-loaded)', () => {
  const bytes = encodeSnn(small(3));

  it('every truncation is refused with an error naming the file', () => {
    for (let n = 0; n < bytes.length; n++) {
      const e = refusal(bytes.subarray(0, n), 'cut.snn');
      expect(e, `truncated to ${n} bytes`).toBeInstanceOf(SnnError);
      expect(e!.message.startsWith('cut.snn: ')).toBe(true);
      expect(['IR_FORMAT', 'IR_CORRUPT']).toContain(e!.code);
    }
  });

  it('every single flipped bit is refused: magic or version by their own error, the rest by the checksum', () => {
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const b = bytes.slice();
        b[i] ^= 1 << bit;
        const e = refusal(b, 'flip.snn');
        expect(e, `byte ${i} bit ${bit}`).toBeInstanceOf(SnnError);
        expect(e!.message.startsWith('flip.snn: ')).toBe(true);
        if (i < 3) expect(e!.code).toBe('IR_FORMAT');
        else if (i === 3) expect(['IR_VERSION', 'IR_CORRUPT', 'IR_FORMAT']).toContain(e!.code);
        else expect(e!.code, e!.message).toBe('IR_CORRUPT');
      }
    }
  });

  it('a changed weight, which no structural check can see, is named as a checksum mismatch', () => {
    const b = bytes.slice();
    b[b.length - 2] ^= 0x01; // last weight of 'out', still a finite float
    expect(refusal(b, 'w.snn')!.message).toMatch(/^w\.snn: the file is damaged: its checksum does not match its bytes.*re-export it or restore a copy$/);
  });

  it('still reads container version 1 (no checksum) files', () => {
    const g = small(4);
    const { json, blob } = serializeGraph(g);
    const text = new TextEncoder().encode(json);
    const start = align(8 + text.length);
    const v1 = new Uint8Array(start + blob.length);
    v1.set([0x53, 0x4e, 0x4e, 0x31]);
    new DataView(v1.buffer).setUint32(4, text.length, true);
    v1.set(text, 8);
    v1.set(blob, start);
    expect(decodeSnn(v1)).toEqual(g);
    expect(encodeSnn(decodeSnn(v1))).toEqual(encodeSnn(g));
  });
});
