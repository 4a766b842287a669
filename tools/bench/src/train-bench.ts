import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTraining } from '@snn/train';
import { benchTrainStep } from '@snn/train/testing';
import type { Benchmark, BenchContext } from './benchmark.js';
import { findPeers, runPeer } from './peers.js';
import { trainedKerasToSnn } from './trained-network.js';
import { simdPeakGflops } from './simd-peak.js';
import { SnnError } from '@snn/ir';

/**
 * One training epoch (60,000 images, batch 200, Adam) of the keras-to-snn network
 * (28x28x1 -> conv 3x3x32 relu -> conv 3x3x64 stride 2 relu -> dense 10), extrapolated from
 * timed steps on the WebAssembly backend with snn's training kernels, compared with the same
 * steps on tfjs's own WebAssembly kernels (plus the Conv2DBackpropFilter it lacks) in the same
 * run; without --quick also a real epoch on MNIST (`trainEpochs`, shuffling and all) and, where
 * python3-torch is installed, PyTorch training the same network (`../shared/peers/train_epoch.py`;
 * `--peer-processes N` runs it in N processes and compares with their median).
 */
export const trainBenchmark: Benchmark = {
  name: 'train',
  description: 'one MNIST training epoch of the keras-to-snn network: snn kernels vs tfjs-wasm kernels',
  async run(ctx: BenchContext) {
    const processes = peerProcesses(ctx.flags['peer-processes']);
    await initTraining({ threads: 2 });
    // the real epoch first, in the state a user's process starts in: after the tfjs-kernel
    // baseline below (whose im2col buffers grow the heap) it ran up to 1 s slower
    const real = ctx.quick || ctx.flags.real === 'none' ? undefined : await trainedKerasToSnn({ epochs: 1, trainImages: 60_000, fresh: true }, ctx.progress('a real epoch on MNIST'));
    const steps = ctx.quick ? 4 : 20;
    const snn = await benchTrainStep({ threads: 2, steps, fused: 'both', kernels: 'snn' });
    const tfjs = await benchTrainStep({ threads: 2, steps: ctx.quick ? 2 : 5, fused: 'none', kernels: 'tfjs' });
    const ratio = tfjs.secondsPerStep / snn.secondsPerStep;
    // the bound: two cores at the WebAssembly SIMD (f32x4) multiply-add peak of one
    const peak = 2 * simdPeakGflops();
    const peer = ctx.quick || ctx.flags.peers === 'none' ? undefined : await pytorchEpochs(processes);
    const realEpoch = real?.epochSeconds[0];
    const peerRows: Array<[string, string]> = peer === undefined ? [] : 'epochSeconds' in peer
      ? [
          [
            'PyTorch epoch (same network, batch, optimizer)',
            `${peer.epochSeconds.toFixed(1)} s (${peer.processes.length > 1 ? `median of ${peer.processes.length} processes, each the median of its 2 epochs: ${peer.processes.map((t) => t.toFixed(1)).join(', ')} s` : 'median of 2'}), ${peer.gflops.toFixed(1)} GFLOP/s, test accuracy ${(100 * peer.accuracy).toFixed(2)}%`,
          ],
          ['ratio vs PyTorch (its epoch / snn epoch)', `${(peer.epochSeconds / snn.epochSeconds).toFixed(2)}x (kernel bench)${realEpoch ? `, ${(peer.epochSeconds / realEpoch).toFixed(2)}x (real epoch; ${(Math.min(...peer.processes) / realEpoch).toFixed(2)}x against its fastest process)` : ''}`],
        ]
      : [['PyTorch', `not run: ${peer.skipped}`]];
    ctx.table([
      ['batch x steps timed', `${snn.batch} x ${snn.steps}`],
      ['snn kernels', `${snn.secondsPerStep.toFixed(3)} s/step, epoch ${snn.epochSeconds.toFixed(1)} s, ${snn.gflops.toFixed(1)} GFLOP/s (${snn.threads} threads)`],
      ['tfjs-wasm kernels', `${tfjs.secondsPerStep.toFixed(3)} s/step, epoch ${tfjs.epochSeconds.toFixed(1)} s, ${tfjs.gflops.toFixed(1)} GFLOP/s`],
      ['ratio vs tfjs kernels', `${ratio.toFixed(2)}x`],
      ['WebAssembly SIMD peak, 2 cores', `${peak.toFixed(1)} GFLOP/s (f32x4 multiply + add chains); snn reaches ${((100 * snn.gflops) / peak).toFixed(0)}% of it`],
      ['slowest kernels (snn)', snn.kernelMs.slice(0, 4).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ') || '(not profiled)'],
      ...(real && realEpoch ? [['real epoch (trainEpochs, 60,000 MNIST images)', `${realEpoch.toFixed(1)} s, test accuracy ${(100 * real.testAccuracy).toFixed(2)}%`] as [string, string]] : []),
      ...peerRows,
    ]);
    return {
      epochSeconds: snn.epochSeconds,
      gflops: snn.gflops,
      ratioVsBaseline: ratio,
      baselineEpochSeconds: tfjs.epochSeconds,
      secondsPerStep: snn.secondsPerStep,
      simdPeakGflops: peak,
      fractionOfSimdPeak: snn.gflops / peak,
      ...(realEpoch ? { realEpochSeconds: realEpoch, realTestAccuracy: real!.testAccuracy } : {}),
      ...(peer && 'epochSeconds' in peer
        ? {
            peerEpochSeconds: peer.epochSeconds,
            peerProcesses: peer.processes.length,
            peerFastestEpochSeconds: Math.min(...peer.processes),
            peerSlowestEpochSeconds: Math.max(...peer.processes),
            peerGflops: peer.gflops,
            ratioVsPeer: peer.epochSeconds / snn.epochSeconds,
            ...(realEpoch ? { ratioVsPeerRealEpoch: peer.epochSeconds / realEpoch, ratioVsFastestPeerRealEpoch: Math.min(...peer.processes) / realEpoch } : {}),
          }
        : {}),
    };
  },
};

/**
 * How many PyTorch processes to run (`--peer-processes N`, default 1). On the development machine
 * PyTorch's epoch varies from process to process (5.4-13 s, about one process in nine under 7.8 s;
 * a process's two epochs agree), so one process can land anywhere in that range; several show
 * the spread.
 */
export function peerProcesses(flag: string | undefined): number {
  const n = flag === undefined ? 1 : Number(flag);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    throw new SnnError('BENCH_FLAG_INVALID', `--peer-processes must be an integer from 1 to 20; got ${flag}`, { where: 'train benchmark' });
  }
  return n;
}

/**
 * PyTorch's two epochs of the same network (`train_epoch.py`) in each of `processes` processes,
 * one after the other: the median over processes of each one's median epoch (and every
 * process's), the GFLOP/s of that median and the last process's test accuracy.
 */
async function pytorchEpochs(processes: number): Promise<{ epochSeconds: number; processes: number[]; gflops: number; accuracy: number } | { skipped: string }> {
  const peers = await findPeers();
  if ('unavailable' in peers) return { skipped: peers.unavailable };
  const runs = [];
  for (let i = 0; i < processes; i++) runs.push(await runPeer(peers, 'train_epoch.py', [join(tmpdir(), `snn-bench-pytorch-${process.pid}.pt`)]));
  const epochs = runs.map((out) => out.median_epoch_s as number);
  const sorted = [...epochs].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const flops = runs[0].flops_per_epoch as number;
  return { epochSeconds: median, processes: epochs, gflops: flops / median / 1e9, accuracy: runs[runs.length - 1].test_acc as number };
}
