import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { loadMnist } from '@snn/mnist/node';
import { mnistInput } from '@snn/mnist';
import type { Readout, SimMode } from '@snn/sim';
import { setSynapses, type Graph } from '@snn/ir';
import { addCalibrationFlags, loadAndCalibrate, type CalibrationFlags } from '../calibration.js';
import { writeFileAtomic } from '../atomic-write.js';
import { addConversionFlags, type ConversionFlags } from '../conversion-flags.js';
import type { Evaluation } from '@snn/sim/node';
import type { CliIo } from '../io.js';
import { cliRegistries, cliRegistryModule } from '../registries.js';
import { nonNegativeInt, positiveInt, positiveNumber } from '../numbers.js';
import { createProgress, formatCount, formatTable } from '@snn/report';
import { UsageError } from '../usage-error.js';

interface EvaluateFlags extends ConversionFlags, CalibrationFlags {
  readonly readout?: Readout;
  readonly precision: 'float32' | 'float64';
  readonly accuracyCurve?: boolean;
  readonly data: 'mnist-test' | 'mnist-train';
  readonly limit?: number;
  readonly steps?: number;
  readonly mode: SimMode;
  readonly meanLast?: number;
  readonly workers: number;
  readonly batchSize?: number;
  readonly seed?: number;
  readonly dt?: number;
  readonly outputLayer?: string;
  readonly predictions?: string;
  readonly json?: boolean;
}

/** The `--json` summary: the last line `snn evaluate --json` prints. */
export interface EvaluateSummary {
  /** Fraction of images classified correctly (0..1). */
  readonly accuracy: number;
  readonly steps: number;
  readonly images: number;
  /** Mean firing rate per neurons node (Hz). */
  readonly rates: Record<string, number>;
  /** Total synaptic operations of the run. */
  readonly synops: number;
  readonly synopsPerImage: number;
  readonly mode: SimMode;
  readonly output: string;
  /** How the output was read: `last`, `mean` (over all steps) or `mean-last:K`. */
  readonly readout: string;
  /** With --accuracy-curve: accuracy after T = 1..steps steps (index T - 1). */
  readonly accuracyByStep?: number[];
  /** With --accuracy-curve in spiking mode: the same network's rate-mode (ANN) accuracy on the same images. */
  readonly annAccuracy?: number;
  readonly seconds: number;
}

/** `snn evaluate MODEL|NET.snn --data mnist-test --steps T`: accuracy, firing rates and SynOps on MNIST. */
export function evaluateCommand(program: Command, io: CliIo): Command {
  const command = program
    .command('evaluate')
    .description('classify MNIST with a Keras model or an .snn network (either converted with the flags); report accuracy, firing rates (Hz) and SynOps')
    .argument('<MODEL>', 'Keras model (.h5, .keras, model.json) or a network file written by snn convert')
    .addOption(new Option('--data <SET>', 'images to classify (pixels scaled to 0..1, reshaped to the model input: 28x28, 28x28x1, 1x28x28 or 784)').choices(['mnist-test', 'mnist-train']).makeOptionMandatory())
    .addOption(new Option('--limit <N>', 'only the first N images').argParser(positiveInt))
    .addOption(new Option('--steps <T>', 'time steps per image (dt each); required in spiking mode, default 1 in rate mode (one step is the ANN)').argParser(positiveInt))
    .addOption(new Option('--mode <MODE>', 'rate: every neuron type\'s rate function (the ANN); spiking: spiking types spike').choices(['rate', 'spiking']).default('spiking'))
    .addOption(new Option('--readout <HOW>', 'how the output over time becomes a prediction: last (its last step, NengoDL\'s) or mean (its mean over all steps, the same argmax as the sum); default: what the network records (mean after --calibrate), else last').choices(['last', 'mean']))
    .addOption(new Option('--mean-last <K>', 'classify by the mean output of the last K steps (overrides --readout)').argParser(positiveInt))
    .option('--accuracy-curve', 'also print the accuracy after every step 1..T (one run; the output is kept at every step)')
    .addOption(new Option('--workers <N>', 'worker threads the images are split across').argParser(positiveInt).default(Math.min(2, availableParallelism())))
    .addOption(new Option('--batch-size <N>', 'images simulated together per worker (default: spiking, what keeps the batch state near 16 MB, 8-100 images; rate, 100)').argParser(positiveInt))
    .addOption(
      new Option('--precision <P>', 'arithmetic of spiking neuron steps: float32 (NengoDL\'s; SIMD kernels, 2-3x as fast) or float64 (bit-identical with the reference kernels)')
        .choices(['float32', 'float64'])
        .default('float32'),
    )
    .addOption(new Option('--seed <N>', 'seed of the initial neuron states (default 0)').argParser(nonNegativeInt))
    .addOption(new Option('--dt <SECONDS>', 'simulation time step (default 0.001)').argParser(positiveNumber))
    .option('--output-layer <NAME>', 'output node or Keras layer to classify with (default: the last 10-way output)')
    .option('--predictions <FILE>', 'also write the predicted digit of every image, one character each (like the fixtures\' labels.txt)')
    .option('--json', 'end with one JSON line: {"accuracy": 0..1, "steps", "images", "rates": {node: Hz}, "synops", ...}')
    .addHelpText(
      'after',
      '\nExamples:\n  snn evaluate model.h5 --data mnist-test --mode rate\n  snn evaluate model.h5 --data mnist-test --steps 50 --neuron SpikingRectifiedLinear --scale 20 --synapse 0.005 --json\n  snn evaluate net.snn --data mnist-test --steps 50 --scale 100\n' +
        '  snn evaluate calibrated.snn --data mnist-test --steps 60 --accuracy-curve --json\n',
    );
  addConversionFlags(command);
  return addCalibrationFlags(command).action(async (model: string, flags: EvaluateFlags) => {
    const steps = flags.steps ?? (flags.mode === 'rate' ? 1 : undefined);
    if (steps === undefined) throw new UsageError('--mode spiking needs --steps T, the time steps per image (e.g. --steps 50); rate mode runs the ANN in one step');
    if (flags.meanLast !== undefined && flags.meanLast > steps) throw new UsageError(`--mean-last ${flags.meanLast} is more than --steps ${steps}; give K <= T`);
    const { graph, loaded } = await loadAndCalibrate(model, flags, io);
    const readout = flags.readout ?? recordedReadout(graph);
    const data = loadMnist(flags.data === 'mnist-train' ? 'train' : 'test', flags.limit ?? Infinity);
    const { evaluateClassifier } = await import('@snn/sim/node'); // the simulator, loaded on use
    const { inputId } = mnistInput(graph);
    const progress = createProgress(`evaluating ${data.count} images`, { write: io.err, isTTY: io.errIsTTY });
    const registries = { registries: cliRegistries(), registryModule: cliRegistryModule() };
    const result = await evaluateClassifier(graph, data.images, data.labels, {
      ...registries,
      input: inputId,
      mode: flags.mode,
      steps,
      readout,
      precision: flags.precision,
      ...(flags.accuracyCurve ? { curve: true } : {}),
      workers: flags.workers,
      onProgress: (done, total) => progress.update(done, total),
      ...(flags.meanLast !== undefined ? { meanLast: flags.meanLast } : {}),
      ...(flags.batchSize !== undefined ? { batchSize: flags.batchSize } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      ...(flags.dt !== undefined ? { dt: flags.dt } : {}),
      ...(flags.outputLayer !== undefined ? { output: flags.outputLayer } : {}),
    });
    progress.finish();
    // the curve is read against the ANN: the same network in rate mode, one step, without synapses (they only delay)
    const ann =
      flags.accuracyCurve && flags.mode === 'spiking'
        ? await evaluateClassifier(setSynapses(graph, null, { where: 'all' }), data.images, data.labels, { ...registries, input: inputId, mode: 'rate', steps: 1, workers: flags.workers })
        : undefined;
    for (const w of result.warnings) io.err(`snn: warning: ${w}\n`);
    if (flags.predictions !== undefined) writeFileAtomic(flags.predictions, new TextEncoder().encode(Array.from(result.predicted).join('') + '\n'));
    const how = readoutName(flags.meanLast, readout);
    io.out(renderEvaluation(model, loaded.format, flags, how, result, ann?.accuracy));
    if (flags.json) io.out(JSON.stringify({ ...summarize(result, how), ...(ann ? { annAccuracy: ann.accuracy } : {}) }) + '\n');
  });
}

/** The `--json` object of an evaluation. */
export function summarize(result: Evaluation, readout: string): EvaluateSummary {
  return {
    accuracy: result.accuracy,
    steps: result.steps,
    images: result.images,
    rates: Object.fromEntries(result.layers.map((l) => [l.node, l.firingRateHz])),
    synops: result.synops,
    synopsPerImage: result.images > 0 ? result.synops / result.images : 0,
    mode: result.mode,
    output: result.output,
    readout,
    ...(result.accuracyByStep ? { accuracyByStep: [...result.accuracyByStep] } : {}),
    seconds: result.seconds,
  };
}

/** The readout a network records (`metadata.readout`, set by calibration), else NengoDL's last step. */
function recordedReadout(graph: Graph): Readout {
  return graph.metadata?.readout === 'mean' ? 'mean' : 'last';
}

function readoutName(meanLast: number | undefined, readout: Readout): string {
  if (meanLast !== undefined && meanLast > 1) return `mean-last:${meanLast}`;
  return meanLast === 1 ? 'last' : readout;
}

function renderEvaluation(model: string, format: string, flags: EvaluateFlags, how: string, r: Evaluation, annAccuracy?: number): string {
  const readout = how === 'mean' ? 'mean over all steps' : how === 'last' ? 'last step' : `mean of the last ${how.slice('mean-last:'.length)} steps`;
  const dtMs = (flags.dt ?? 0.001) * 1000;
  const head =
    `${model} (${format}): ${formatCount(r.images)} images of ${flags.data}, ${r.mode} mode, ${r.steps} step${r.steps === 1 ? '' : 's'} of ${dtMs} ms, ` +
    `read at '${r.output}' (${readout})\n\naccuracy: ${(r.accuracy * 100).toFixed(2)}% (${r.correct}/${r.images})\n\n`;
  const perImage = (x: number): string => (r.images > 0 ? (x / r.images).toPrecision(4) : '0');
  const rows = r.layers.map((l) => [l.node, formatCount(l.neurons), l.firingRateHz.toFixed(2), perImage(l.synops)]);
  const table = rows.length > 0 ? formatTable(['neuron layer', 'neurons', 'rate (Hz)', 'SynOps/image'], rows, ['left', 'right', 'right', 'right']) : '  (no neuron layers)\n';
  const ann = annAccuracy === undefined ? '' : `; the ANN (rate mode) gets ${(annAccuracy * 100).toFixed(2)}%`;
  const curve = r.accuracyByStep ? `\naccuracy (%) after T steps (${readout === 'mean over all steps' ? 'mean over steps 1..T' : readout})${ann}:\n\n${renderCurve(r.accuracyByStep, annAccuracy)}` : '';
  return `${head}${table}\nSynOps: ${r.synops.toPrecision(6)} in total, ${perImage(r.synops)} per image; simulated in ${r.seconds.toFixed(1)} s\n${curve}`;
}

/** Accuracy after every step as a compact table, ten steps a row, with the gap to the ANN at 10, 20, 30... */
function renderCurve(acc: Float64Array, annAccuracy: number | undefined): string {
  const rows: string[][] = [];
  for (let t0 = 0; t0 < acc.length; t0 += 10) {
    const cells = Array.from(acc.subarray(t0, t0 + 10), (a) => (a * 100).toFixed(2));
    const last = acc[Math.min(t0 + 10, acc.length) - 1];
    const gap = annAccuracy === undefined ? [] : [`${((last - annAccuracy) * 100).toFixed(2)}`];
    rows.push([`${t0 + 1}-${Math.min(t0 + 10, acc.length)}`, ...cells, ...Array(10 - cells.length).fill(''), ...gap]);
  }
  const head = ['T', ...Array.from({ length: 10 }, (_, i) => `+${i}`), ...(annAccuracy === undefined ? [] : ['last - ANN'])];
  return formatTable(head, rows, ['left', ...Array(annAccuracy === undefined ? 10 : 11).fill('right')]);
}
