import type { Graph } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import type { KerasGraphMetadata } from './convert/convert-model.js';
import { importKeras } from './import-keras.js';
import { compileReference } from './testing/reference-forward.js';
import { failure } from './test-support/failure.js';
import { first20, fixtureInput, mnistTestImages } from './test-support/fixtures.js';
import { verify, type RunGraph } from './verify.js';

/** A float32 rate-mode "simulator": the reference pass with float32 inputs and rounded outputs. */
const float32Runner = (perturb = 0): RunGraph => (graph: Graph, inputs, batch) => {
  const m = compileReference(graph);
  const outs: Record<string, Float32Array> = {};
  for (const { id, size } of m.outputs) outs[id] = new Float32Array(batch * size);
  for (let b = 0; b < batch; b++) {
    const one = Object.fromEntries(m.inputs.map(({ id, size }) => [id, inputs[id].subarray(b * size, (b + 1) * size)]));
    const r = m.run(one);
    for (const { id, size } of m.outputs) outs[id].set(Array.from(r[id], (v) => v * (1 + perturb)), b * size);
  }
  return outs;
};

describe('verify (NengoDL Converter.verify)', () => {
  it('passes for a runner computing the same network (default inputs: ones, batch 2)', async () => {
    const { graph } = await importKeras(fixtureInput('snn_lenet_avgpool_bias.h5'));
    const report = await verify(graph, float32Runner());
    expect(report.checked).toBe(20);
    expect(report.maxRelDiff).toBeLessThan(1e-6);
  });

  it('fails with the largest difference when the runner is off by 1e-4 relative', async () => {
    const { graph } = await importKeras(fixtureInput('snn_lenet_avgpool_bias.h5'));
    const e = await failure(() => verify(graph, float32Runner(1e-4)));
    expect(e.code).toBe('KERAS_VERIFY_MISMATCH');
    expect(e.message).toMatch(/^Output of Keras model does not match output of converted network \(max difference=\d\.\d\dE-\d+/);
  });

  it('checks the import against Keras outputs on real MNIST images (expected = reference logits)', async () => {
    const { graph } = await importKeras(fixtureInput('moonflower_cnn_k311.keras'));
    const meta = graph.metadata as unknown as KerasGraphMetadata;
    const ref = first20('moonflower_cnn_k311');
    const images = Float32Array.from(mnistTestImages(20));
    const expected = { [meta.outputs[0].node]: Float64Array.from(ref.logits.flat()) };
    // Float32 pixels (k/255 rounded) move logits by ~1e-7 absolute, which is 1.6e-5 relative on
    // the one logit near zero (-0.0029): an absolute floor is needed, as for any float32 simulator.
    await expect(verify(graph, float32Runner(), { inputs: { [meta.inputs[0].node]: images }, expected })).rejects.toThrow(/max difference=/);
    const report = await verify(graph, float32Runner(), { inputs: { [meta.inputs[0].node]: images }, expected, atol: 1e-6 });
    expect(report.checked).toBe(200);
    expect(report.maxAbsDiff).toBeLessThan(1e-5);
    expect((await failure(() => verify(graph, undefined))).code).toBe('KERAS_BAD_OPTION');
  });
});
