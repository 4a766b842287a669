import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, isSnnError } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { predict } from '../fit/evaluate.js';
import { fit } from '../fit/fit.js';
import { initTraining } from '../fit/init-training.js';
import { exportGraph } from '../model/export-graph.js';
import { createModel } from '../model/model.js';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const neurons = createNeuronRegistry();

describe('checkpoints', () => {
  it('round-trip a trained model: the loaded graph predicts exactly what the model does, and training resumes from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-ckpt-'));
    try {
      const data = loadMnist('train', 200);
      const model = createModel(kerasToSnnGraph(5), { neurons });
      const opts = { x: data.images, y: { out: data.labels }, losses: { out: 'sparseCategoricalCrossentropy' as const }, batchSize: 100, seed: createRng(1).int(1000) };
      fit(model, opts);
      const path = join(dir, 'model.snn');
      saveCheckpoint(path, model, { epoch: 1, loss: 0.5 });
      expect(readdirSync(dir)).toEqual(['model.snn']);
      const { graph, info } = loadCheckpoint(path);
      expect(info).toEqual({ epoch: 1, loss: 0.5 });
      const resumed = createModel(graph, { neurons });
      const a = predict(model, { x: data.images }).out.data;
      const b = predict(resumed, { x: data.images }).out.data;
      expect(b).toEqual(a);
      fit(resumed, opts);
      const trained = exportGraph(resumed);
      const kernel = (g: typeof graph): Float32Array => (g.nodes.find((n) => n.id === 'conv0') as { kernel: { data: Float32Array } }).kernel.data;
      expect(kernel(trained)).not.toEqual(kernel(graph));
      model.dispose();
      resumed.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an interrupted save (temp file written, failure before the rename) leaves the previous checkpoint intact and no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-ckpt-'));
    try {
      const path = join(dir, 'model.snn');
      const first = kerasToSnnGraph(1);
      saveCheckpoint(path, first, { epoch: 1 });
      const before = readFileSync(path);
      let tempSeen = '';
      let error: unknown;
      try {
        saveCheckpoint(path, kerasToSnnGraph(2), { epoch: 2 }, {
          beforeRename: (temp) => {
            tempSeen = temp;
            expect(existsSync(temp)).toBe(true);
            throw new Error('simulated crash');
          },
        });
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error) && error.code).toBe('CHECKPOINT_WRITE_FAILED');
      expect(tempSeen).not.toBe('');
      expect(existsSync(tempSeen)).toBe(false);
      expect(readdirSync(dir)).toEqual(['model.snn']);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(loadCheckpoint(path).info.epoch).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when a checkpoint cannot be read', () => {
    let error: unknown;
    try {
      loadCheckpoint('/nonexistent/dir/model.snn');
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('CHECKPOINT_READ_FAILED');
    expect((error as Error).message).toMatch(/\/nonexistent\/dir\/model\.snn/);
  });
});
