import { describe, expect, it } from 'vitest';
import { lookup3 } from './lookup3.js';

describe('lookup3 (HDF5 metadata checksums)', () => {
  it("gives the values of Jenkins' reference driver (lookup3.c driver5)", () => {
    expect(lookup3(new Uint8Array(0))).toBe(0xdeadbeef);
    expect(lookup3(new TextEncoder().encode('Four score and seven years ago'))).toBe(0x17770551);
    expect(lookup3(new TextEncoder().encode('Four score and seven years ago'), 1)).toBe(0xcd628161);
  });
});
