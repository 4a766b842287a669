import { describe, expect, it } from 'vitest';
import type { KerasGraphMetadata } from './convert/convert-model.js';
import { importKerasFile, readModelFiles } from './node.js';
import { failure } from './test-support/failure.js';
import { FIXTURE_DIR } from './test-support/fixtures.js';

describe('@snn/keras-import/node', () => {
  it('reads a TF.js model.json and the shard files next to it', async () => {
    const input = await readModelFiles(`${FIXTURE_DIR}/tensorspace_lenet_tfjs075/mnist.json`);
    expect(Object.keys(input.shards ?? {})).toEqual(['./mnist.weights.bin']);
    expect(input.shards?.['./mnist.weights.bin'].length).toBe(246824);
    const { graph } = await importKerasFile(`${FIXTURE_DIR}/tensorspace_lenet_tfjs075/mnist.json`, { outputs: ['dense_Dense3'] });
    expect((graph.metadata as unknown as KerasGraphMetadata).source.fileName).toBe('mnist.json');
  });

  it('imports an .h5 file by path', async () => {
    const { graph } = await importKerasFile(`${FIXTURE_DIR}/deepconcolic_tecs_mlp1_k224.h5`);
    expect(graph.nodes.filter((n) => n.kind === 'dense')).toHaveLength(4);
  });

  it('names the missing path', async () => {
    const e = await failure(() => importKerasFile('/no/such/model.h5'));
    expect(e.message).toContain('/no/such/model.h5 does not exist');
  });
});
