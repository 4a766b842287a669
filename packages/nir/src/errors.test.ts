import { describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, param, zeros, type Graph, type SnnError } from '@snn/ir';
import { exportNir, importNir } from './index.js';
import { writeHdf5 } from './hdf5-io.js';
import { f32, group, str, type Hdf5Dataset } from './hdf5-tree.js';

async function failure(p: Promise<unknown>): Promise<SnnError> {
  try {
    await p;
  } catch (e) {
    if (isSnnError(e)) return e;
    throw e;
  }
  throw new Error('expected an SnnError');
}

/** input [4,4,1] -> conv 3x3 same -> neurons(type, params) [-> max pool] -> flatten -> dense -> output. */
function net(neuronType: string, params: Record<string, number> = {}, pool = false, synapse?: { type: string; params: Record<string, number> }): Graph {
  const b = new GraphBuilder();
  const x = b.input('image', [4, 4, 1]);
  const c = b.conv(x, { id: 'conv', kernel: param(new Float32Array(18).fill(0.1), [3, 3, 1, 2]), padding: 'same' });
  let h = b.neurons(c, { id: 'act', neuronType, params });
  if (pool) h = b.maxPool(h, { id: 'pool', window: [2, 2] });
  const f = b.flatten(h, { id: 'flat', ...(synapse ? { synapse } : {}) });
  b.output(b.dense(f, { id: 'dense', weights: zeros([pool ? 8 : 32, 3]) }), 'out');
  return b.build();
}

/** A NIR file: Input [n] -> node -> Output [n]. */
function nirFile(type: string, datasets: Record<string, Hdf5Dataset>, n = 2): Promise<Uint8Array> {
  const shape = { kind: 'int64', shape: [1], data: [n] } as const;
  const nodes = group([
    ['in', group([['type', str('Input')], ['shape', shape]])],
    ['x', group([['type', str(type)], ...Object.entries(datasets)])],
    ['out', group([['type', str('Output')], ['shape', shape]])],
  ]);
  const edges: Hdf5Dataset = { kind: 'string', shape: [2, 2], data: ['in', 'x', 'x', 'out'] };
  return writeHdf5(group([['version', str('1.0.6')], ['node', group([['type', str('NIRGraph')], ['nodes', nodes], ['edges', edges]])]]));
}

describe('what does not map, and the errors that say so', () => {
  it('export: rate neurons, max pooling, alpha synapses and uneven padding name the node and the fix', async () => {
    const rate = await failure(exportNir(net('RectifiedLinear')));
    expect([rate.code, rate.where]).toEqual(['NIR_UNMAPPABLE_NODE', 'act']);
    expect(rate.message).toBe("neurons 'act' are RectifiedLinear, which has no NIR node; NIR has IF (snn IntegrateAndFire) and LIF (snn LIF) — swap the neuron type first (--neuron IntegrateAndFire)");
    const pool = await failure(exportNir(net('IntegrateAndFire', {}, true)));
    expect([pool.code, pool.where]).toEqual(['NIR_UNMAPPABLE_NODE', 'pool']);
    expect(pool.message).toMatch(/max pooling, which NIR has no node for; convert it with maxToAvgPool/);
    const alpha = await failure(exportNir(net('IntegrateAndFire', {}, false, { type: 'alpha', params: { tau: 0.01 } })));
    expect(alpha.message).toBe("edge 'act' -> 'flat': synapse 'alpha' has no NIR node (only lowpass maps, to LI); use a lowpass synapse or none");
  });

  it('export: LIF with a refractory period or a voltage floor is an error, or with approximate: true a warning', async () => {
    const e = await failure(exportNir(net('LIF', { tauRef: 0.002, minVoltage: -1e38 })));
    expect([e.code, e.where]).toEqual(['NIR_UNMAPPABLE_PARAM', 'act']);
    expect(e.message).toMatch(/^neurons 'act' \(LIF\): refractory period tauRef = 0.002 s; NIR's LIF has none; change the parameter, or export with approximate: true/);
    const warnings: string[] = [];
    const bytes = await exportNir(net('LIF'), { approximate: true, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      "neurons 'act' (LIF): refractory period tauRef = 0.002 s; NIR's LIF has none; written without tauRef",
      "neurons 'act' (LIF): the voltage is clamped at minVoltage = 0; NIR's LIF never clamps (minVoltage: -3.4e38 means no clamp); written without minVoltage",
    ]);
    const back = (await importNir(bytes)).graph.nodes.find((n) => n.id === 'act');
    expect(back?.kind === 'neurons' && back.params?.tauRef).toBe(0);
  });

  it('import: v_reset != 0, Threshold, CubaLIF, per-neuron LI tau and non-NIR bytes', async () => {
    const reset = await failure(importNir(await nirFile('IF', { r: f32([1, 1], [2]), v_threshold: f32([1, 1], [2]), v_reset: f32([-0.5, -0.5], [2]) })));
    expect([reset.code, reset.where, reset.message]).toEqual(['NIR_UNMAPPABLE_PARAM', 'x', "IF 'x' resets to v_reset = -0.5; snn's IntegrateAndFire resets to 0 — only v_reset = 0 maps"]);
    const threshold = await failure(importNir(await nirFile('Threshold', { threshold: f32([1, 1], [2]) })));
    expect([threshold.code, threshold.where]).toEqual(['NIR_UNMAPPABLE_NODE', 'x']);
    expect(threshold.message).toMatch(/^NIR node 'x' is Threshold, which snn cannot represent \(snn has no stateless spike generator\)/);
    const cuba = await failure(importNir(await nirFile('CubaLIF', {})));
    expect(cuba.message).toMatch(/CubaLIF, which snn cannot represent \(write it as LI followed by LIF\)/);
    const li = await failure(importNir(await nirFile('LI', { tau: f32([0.01, 0.02], [2]), r: f32([1, 1], [2]), v_leak: f32([0, 0], [2]) })));
    expect(li.message).toBe("LI 'x': tau differs between neurons; snn's lowpass synapse tau holds one value per population");
    const junk = await failure(importNir(new TextEncoder().encode('not an hdf5 file at all'), { fileName: 'junk.nir' }));
    expect([junk.code, junk.where]).toEqual(['NIR_BAD_FILE', 'junk.nir']);
  });
});
