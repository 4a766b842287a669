import { describe, expect, it } from 'vitest';
import { blockFits, validateBlock } from './limits.js';

const ok = { label: 'b', compartments: 1024, inAxons: 4096, outAxonSlots: 4096, synapseBits: 1048576 };

describe('validateBlock (test_validate_block, spec §4.1)', () => {
  it('accepts a block at every limit', () => {
    expect(() => validateBlock(ok)).not.toThrow();
    expect(blockFits(ok)).toBe(true);
  });

  it("rejects each limit in Nengo Loihi's wording", () => {
    const cases: [Partial<typeof ok>, string][] = [
      [{ compartments: 1200 }, 'Compartment(b): Number of compartments (1200) exceeded max (1024)'],
      [{ outAxonSlots: 5000 }, 'LoihiBlock(b): Output axons (5000) exceeded max (4096)'],
      [{ inAxons: 5000 }, 'LoihiBlock(b): Input axons (5000) exceeded max (4096)'],
      [{ synapseBits: 2720000 }, 'LoihiBlock(b): Total synapse bits (2720000) exceeded max (1048576)'],
    ];
    for (const [change, message] of cases) {
      const block = { ...ok, ...change };
      expect(blockFits(block)).toBe(false);
      expect(() => validateBlock(block)).toThrow(message);
      try {
        validateBlock(block);
      } catch (e) {
        expect((e as { code: string }).code).toBe('LOIHI_LIMIT');
      }
    }
  });
});
