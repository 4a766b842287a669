import { describe, expect, it } from 'vitest';
import { estimateEnergy } from './estimate-energy.js';
import { formatSi, renderEnergyReport } from './render-energy.js';

describe('formatSi', () => {
  it('picks the prefix and keeps 4 significant digits', () => {
    expect(formatSi(554.8e-12, 'J')).toBe('554.8 pJ');
    expect(formatSi(1.0238e-6, 's')).toBe('1.024 µs');
    expect(formatSi(4e-9, 'J')).toBe('4 nJ');
    expect(formatSi(0, 'J')).toBe('0 J');
  });
});

describe('renderEnergyReport', () => {
  const text = renderEnergyReport(estimateEnergy({ steps: 2, compartments: 3, spikes: 4, synapticOps: 10, macs: 100 }, { cores: 2 }));

  it('prints one row per platform with the hand-computed ranges', () => {
    expect(text).toContain('Loihi');
    expect(text).toMatch(/Loihi\s+554\.8 pJ - 728\.8 pJ\s+263\.6 ns - 1\.024 µs/);
    expect(text).toMatch(/CPU \(45 nm arithmetic\)\s+460 pJ\s+n\/a \(no cited figure\)/);
    expect(text).toMatch(/GPU \(Tesla V100\)\s+4 nJ\s+>= 13\.33 ps/);
  });

  it('lists every figure with its source', () => {
    expect(text).toContain('Energy per synaptic spike op (min): 23.6 pJ [1]');
    expect(text).toContain('32-bit float multiply (45 nm): 3.7 pJ [2]');
    expect(text).toContain('Tesla V100 TDP: 300 W [3]');
    expect(text).toMatch(/\[1\] M\. Davies et al\., "Loihi: A Neuromorphic Manycore Processor with On-Chip Learning"/);
    expect(text).toMatch(/\[2\] M\. Horowitz/);
    expect(text).toMatch(/\[3\] NVIDIA/);
  });
});
