import type { Graph } from '@snn/ir';
import { formatGap, type StageRow } from '@snn/keras-to-snn/shared';
import { emulateClassifierParallel, type EmulatedClassification } from '@snn/loihi/node';
import { createProgress, figure, barChart, formatTable, htmlTable, paragraph } from '@snn/report';
import type { LoihiWalk } from '../walk.js';

export const EMULATOR_STAGE = '7. The bit-exact Loihi emulator';

/** The emulator's verdict on the chip network. */
export interface EmulatorResult {
  /** The run: accuracy, predictions, rates, saturation, the mapping. */
  readonly run: EmulatedClassification;
  readonly images: number;
  readonly seconds: number;
  /** Accuracy of the same network in the float simulator (stage 4). */
  readonly floatAccuracy: number;
}

/**
 * Stage 7: the chip network (stage 4) discretized to Loihi's integers (weights with their
 * exponents, thresholds, decays) and run on the bit-exact emulator, the to-spikes layer on the
 * host, split over the worker threads: accuracy against the float simulator's, rates per layer,
 * neurons saturated at one spike per step, weight quantization, time.
 */
export async function emulatorStage(walk: LoihiWalk, graph: Graph, floatRow: StageRow, annAccuracy: number): Promise<EmulatorResult> {
  const { steps } = walk.options;
  const test = walk.test;
  walk.io.out(`\n== ${EMULATOR_STAGE}: ${test.count.toLocaleString('en-US')} images x ${steps} steps in Loihi's integer arithmetic\n`);
  const progress = createProgress(`  emulator: ${test.count.toLocaleString('en-US')} images x ${steps} steps`, { write: walk.io.err, isTTY: walk.io.errIsTTY });
  const started = performance.now();
  const run = await emulateClassifierParallel(graph, test.images, test.labels, { steps, workers: walk.options.workers, readout: floatRow.readout, onProgress: (d, t) => progress.update(d, t) });
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  const layers = Object.keys(run.firingRateHz);
  const headers = ['run', 'accuracy %', 'vs ANN', ...layers.map((l) => `${l} (Hz)`), 'time'];
  const body = [
    ['float simulator (stage 4)', (100 * floatRow.accuracy).toFixed(2), formatGap(floatRow.accuracy, annAccuracy), ...layers.map((l) => (floatRow.meanRateHz[l] ?? NaN).toFixed(1)), `${floatRow.seconds.toFixed(1)} s`],
    ['Loihi emulator (integer)', (100 * run.accuracy).toFixed(2), formatGap(run.accuracy, annAccuracy), ...layers.map((l) => run.firingRateHz[l]!.toFixed(1)), `${seconds.toFixed(1)} s`],
  ];
  const align = ['left', ...headers.slice(1).map(() => 'right' as const)] as ('left' | 'right')[];
  const quant = run.mapping.layers.flatMap((l) => (l.quantization ? [[l.name, (100 * l.quantization.relativeError).toFixed(3)]] : []));
  const saturated = Object.entries(run.saturation).map(([l, x]) => `${l} ${x.saturatedNeurons} of ${x.neurons.toLocaleString('en-US')}`).join(', ');
  const agree = `the emulator ${run.accuracy >= floatRow.accuracy ? '+' : ''}${(100 * (run.accuracy - floatRow.accuracy)).toFixed(2)} points against the float simulator`;
  walk.io.out(`${formatTable(headers, body, align)}  ${agree}; weight quantization (max error / largest weight): ${quant.map(([l, e]) => `${l} ${e}%`).join(', ')}\n  neurons saturated at one spike per step on some image: ${saturated}\n${run.warnings.map((w) => `  warning: ${w}\n`).join('')}`);
  walk.report.section(
    EMULATOR_STAGE,
    paragraph(
      `The network of stage 4 mapped to Loihi: every on-chip layer's weights, thresholds, biases and decays discretized to the chip's integers as Nengo Loihi does (weights to 8 bits with a shared exponent per synapse), ` +
        `then run by the bit-exact emulator of Loihi's integer compartment arithmetic. The to-spikes layer runs on the host in the float simulator; its spikes reach the chip one step later, and the host reads the last layer's spikes one step later again. ` +
        `On ${test.count.toLocaleString('en-US')} test images of ${steps} steps, ${agree}.`,
    ),
    htmlTable(headers, body, { align }),
    figure(
      barChart({ title: 'Mean firing rate per layer', categories: layers, series: [{ name: 'float simulator', values: layers.map((l) => floatRow.meanRateHz[l] ?? 0) }, { name: 'Loihi emulator', values: layers.map((l) => run.firingRateHz[l]!) }], y: { label: 'Hz', min: 0 } }),
      'The same network\'s layers in float arithmetic and in the chip\'s integers.',
    ),
    paragraph('What discretization did to the weights of each on-chip layer (largest rounding error relative to the largest weight):'),
    htmlTable(['layer', 'max weight error (% of max |w|)'], quant, { align: ['left', 'right'] }),
    paragraph(`A Loihi neuron spikes at most once per step; neurons that fired on every step from their first spike on (for at least half the steps) were clipped there, on some image: ${saturated}.`),
    run.warnings.length > 0 ? paragraph(`Warnings: ${run.warnings.join('; ')}`) : '',
  );
  return { run, images: test.count, seconds, floatAccuracy: floatRow.accuracy };
}
