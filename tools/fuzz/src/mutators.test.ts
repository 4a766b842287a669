import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './fixtures.js';
import { hdf5Layout } from './hdf5-layout.js';
import { mutateJson } from './json-mutators.js';

describe('layout parsers find the structures they damage', () => {
  it('hdf5Layout finds the B-trees, heaps, attributes and every weight of a Keras .h5 fixture', () => {
    const regions = hdf5Layout(fixtureBytes('deepconcolic_tecs_mlp1_k224.h5'));
    const kinds = new Set(regions.map((r) => r.kind));
    for (const k of ['superblock-field', 'btree', 'symbol-node', 'local-heap', 'object-header', 'attribute', 'dataspace-dim', 'float32-data'] as const) expect(kinds).toContain(k);
    const weights = regions.filter((r) => r.kind === 'float32-data' && r.path?.startsWith('/model_weights/'));
    // each float32 weight region is exactly its data: 4 bytes per value of the declared shape
    expect(weights.length).toBeGreaterThanOrEqual(2);
    expect(weights.every((w) => w.length % 4 === 0 && w.length > 0)).toBe(true);
  });

  it('mutateJson changes the configuration it is given', () => {
    const text = JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 3 } }, { class_name: 'Dense', config: { name: 'e', units: 2 } }, { class_name: 'Dense', config: { name: 'f', units: 1 } }] } });
    for (const kind of ['unknown-class', 'wrong-units', 'cycle'] as const) {
      const m = mutateJson(text, createRng(5), [kind]);
      expect(m?.text).not.toBe(text);
      expect(m?.mayLoad).toBe(false);
    }
  });
});
