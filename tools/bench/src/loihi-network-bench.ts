import { readFileSync } from 'node:fs';
import { decodeSnn } from '@snn/ir';
import { emulateClassifierParallel } from '@snn/loihi/node';
import { loadMnist } from '@snn/mnist/node';
import type { BenchContext } from './benchmark.js';

/**
 * `loihi-emulator --network FILE.snn`: a trained network mapped with `mapToLoihi` and classifying
 * the MNIST test images (`--limit N`, default 10,000; `--quick` 1,000) for `--steps` (30) on the
 * bit-exact emulator with `emulateClassifierParallel` over `--threads` (2) worker threads.
 */
export async function runTrainedNetwork(ctx: BenchContext, file: string): Promise<Record<string, number>> {
  const bytes = readFileSync(file);
  const graph = decodeSnn(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { source: file });
  const limit = Number(ctx.flags.limit ?? (ctx.quick ? 1000 : 10000));
  const steps = Number(ctx.flags.steps ?? 30);
  const threads = Number(ctx.flags.threads ?? 2);
  const mnist = loadMnist('test', limit);
  const bar = ctx.progress('emulating');
  const t0 = performance.now();
  const r = await emulateClassifierParallel(graph, mnist.images, mnist.labels, { steps, workers: threads, onProgress: bar });
  const seconds = (performance.now() - t0) / 1000;
  const saturated = Object.entries(r.saturation).map(([l, s]) => `${l} ${s.saturatedNeurons}/${s.neurons}`);
  ctx.table([
    ['network', `${file}: ${r.mapping.hostLayers.map((l) => l.neurons.id).join(', ')} on the host, ${r.mapping.layers.map((l) => l.name).join(', ')} on chip`],
    ['images x steps', `${mnist.count} x ${steps}, ${threads} worker thread${threads === 1 ? '' : 's'}`],
    ['accuracy', `${(100 * r.accuracy).toFixed(2)}%`],
    ['mean rate (Hz)', Object.entries(r.firingRateHz).map(([l, hz]) => `${l} ${hz.toFixed(1)}`).join(', ')],
    ['saturated neurons', saturated.join(', ')],
    ['warnings', r.warnings.join('; ') || 'none'],
    ['seconds', seconds.toFixed(1)],
    ['images / s', (mnist.count / seconds).toFixed(0)],
  ]);
  const rates = Object.fromEntries(Object.entries(r.firingRateHz).map(([l, hz]) => [`rate_${l}_Hz`, hz]));
  return { seconds, images: mnist.count, stepsPerImage: steps, accuracy: r.accuracy, threads, ...rates };
}
