#!/usr/bin/env node
// A long spiking evaluation for docs/reliability.md, started by hand (too long for CI):
//   node tools/bench/dist/long-run.js [IMAGES=10000] [STEPS=1000] [WORKERS=2] [SEED=1]
// Prints the accuracy, wall time and the process's peak resident memory (worker threads included).
import { longRunEvaluation } from './long-run-eval.js';

const [images = 10000, steps = 1000, workers = 2, seed = 1] = process.argv.slice(2).map(Number);
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const rssBefore = process.memoryUsage().rss;
let last = 0;
const r = await longRunEvaluation({
  images,
  steps,
  workers,
  seed,
  onProgress: (done, total) => {
    if (done - last >= total / 20 || done === total) (last = done), process.stderr.write(`${done}/${total} images, rss ${mb(process.memoryUsage().rss)}\n`);
  },
});
const peak = process.resourceUsage().maxRSS * 1024;
const predictedHash = r.predicted.reduce((h, p) => (h * 31 + p) >>> 0, 7);
process.stdout.write(
  `${JSON.stringify({ images, steps, workers, seed, accuracy: r.accuracy, correct: r.correct, predictedHash, synops: r.synops, seconds: +r.seconds.toFixed(1), rssBeforeMiB: +(rssBefore / 2 ** 20).toFixed(0), peakRssMiB: +(peak / 2 ** 20).toFixed(0) })}\n`,
);
process.exit(0);
