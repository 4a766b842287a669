import { Option, type Command } from 'commander';
import { inferShapes, isSnnError, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { cliNeuronRegistry } from './registries.js';
import { createSynapseRegistry } from '@snn/synapses';
import type { Calibration } from '@snn/sim';
import type { ConversionFlags } from './conversion-flags.js';
import type { CliIo } from './io.js';
import { loadModel, reportLoad, type LoadedModel } from './load-model.js';
import { mnistInput } from '@snn/mnist';
import { finiteNumber, percentage, positiveInt, positiveNumber } from './numbers.js';
import { createProgress, formatCount, formatTable } from '@snn/report';
import { UsageError } from './usage-error.js';

/** The calibration flags as commander parses them. */
export interface CalibrationFlags {
  readonly calibrate?: boolean;
  readonly calibrationImages: number;
  readonly percentile: number;
  readonly includeZeros?: boolean;
  readonly targetRate?: number;
  readonly maxRate?: number;
  readonly initialVoltage?: number;
  readonly dt?: number;
}

/** Add `--calibrate` and its settings to a command. */
export function addCalibrationFlags(command: Command): Command {
  command
    .optionsGroup('Calibration (automatic conversion of a ReLU network for few time steps):')
    .option('--calibrate', 'run the ANN on training images and choose each layer\'s firing-rate scale from its activations (data-based normalization); ReLU layers become IntegrateAndFire neurons read as the mean output over time')
    .addOption(new Option('--calibration-images <N>', 'training images (the first N of mnist-train) the activations are measured on').argParser(positiveInt).default(1000))
    .addOption(new Option('--percentile <P>', 'percentile of each layer\'s positive activations that becomes one spike per step, in (0, 100]').argParser(percentage).default(99.9))
    .option('--include-zeros', 'take the percentile over all activations, zeros included (SpikingJelly\'s rule; default: the positive ones, as SNN Toolbox)')
    .addOption(new Option('--max-rate <HZ>', 'firing rate (Hz) the percentile activation becomes (default 1/dt: one spike per step); below 1/dt for Loihi neurons').argParser(positiveNumber))
    .addOption(new Option('--target-rate <HZ>', 'upper bound on every layer\'s mean firing rate (Hz); layers that would fire faster get a smaller scale').argParser(positiveNumber))
    .addOption(new Option('--initial-voltage <V>', 'membrane voltage IntegrateAndFire neurons start at, as a fraction of the threshold (default 0.5: spike counts round instead of floor)').argParser(finiteNumber));
  if (!command.options.some((o) => o.long === '--dt')) {
    command.addOption(new Option('--dt <SECONDS>', 'time step the network will run at (default 0.001); scales are per step').argParser(positiveNumber));
  }
  return command.optionsGroup('Options:');
}

/** The conversion flags that calibration decides itself; giving them with --calibrate is bad usage. */
const DECIDED_BY_CALIBRATION = [
  ['scale', '--scale'],
  ['scaleLayer', '--scale-layer'],
  ['neuronLayer', '--neuron-layer'],
] as const;

/**
 * Check the flags that go with `--calibrate` and split them: the conversion flags applied
 * before calibration (input scaling, max to average pooling, ...) and what calibration
 * takes itself (`--neuron TYPE` as its spiking type, `--synapse` put on afterwards).
 */
export function splitCalibrationFlags<F extends ConversionFlags>(flags: F & CalibrationFlags): { before: F; neuronType?: string; synapseTau?: number } {
  for (const [key, flag] of DECIDED_BY_CALIBRATION) {
    if (flags[key] !== undefined) throw new UsageError(`${flag} cannot be combined with --calibrate, which chooses every layer's scale and neuron type; drop ${flag}`);
  }
  const neurons = flags.neuron ?? [];
  if (neurons.length > 1 || neurons.some((n) => n.includes('='))) {
    throw new UsageError(`with --calibrate, --neuron takes one spiking type for the ReLU layers (IntegrateAndFire, the default, or SpikingRectifiedLinear); got ${neurons.map((n) => `'${n}'`).join(', ')}`);
  }
  const { neuron: _n, synapse: _s, ...before } = flags;
  return { before: before as unknown as F, ...(neurons[0] ? { neuronType: neurons[0] } : {}), ...(flags.synapse !== undefined ? { synapseTau: flags.synapse } : {}) };
}

/**
 * Load MODEL with the conversion flags (`loadModel`, notes on stderr) and, with `--calibrate`,
 * calibrate it on MNIST, printing the per-layer table on stdout. Returns the network to use.
 */
export async function loadAndCalibrate<F extends ConversionFlags & CalibrationFlags>(model: string, flags: F, io: CliIo): Promise<{ graph: Graph; loaded: LoadedModel }> {
  const split = flags.calibrate ? splitCalibrationFlags(flags) : undefined;
  const loaded = await loadModel(model, split ? split.before : flags);
  reportLoad(io, loaded);
  if (!split) return { graph: loaded.graph, loaded };
  const calibration = await calibrateOnMnist(loaded.graph, flags, split, io);
  io.out(renderCalibration(calibration, flags) + '\n');
  return { graph: calibration.graph, loaded };
}

/** Calibrate `graph` on the first `--calibration-images` MNIST training images, with progress on stderr. */
export async function calibrateOnMnist(graph: Graph, flags: CalibrationFlags, extra: { neuronType?: string; synapseTau?: number }, io: CliIo): Promise<Calibration> {
  const { inputId } = mnistInput(graph, inferShapes(graph));
  const data = loadMnist('train', flags.calibrationImages);
  const { calibrate, initBackend } = await import('@snn/sim'); // the simulator, loaded on use
  await initBackend({ threads: 2 });
  const progress = createProgress(`calibrating on ${formatCount(data.count)} training images`, { write: io.err, isTTY: io.errIsTTY });
  try {
    const result = calibrate(graph, { [inputId]: data.images }, {
      neurons: cliNeuronRegistry(),
      synapses: createSynapseRegistry(),
      percentile: flags.percentile,
      ...(flags.includeZeros ? { includeZeros: true } : {}),
      onProgress: (done, total) => progress.update(done, total),
      ...(flags.targetRate !== undefined ? { targetRateHz: flags.targetRate } : {}),
      ...(flags.maxRate !== undefined ? { maxRateHz: flags.maxRate } : {}),
      ...(flags.dt !== undefined ? { dt: flags.dt } : {}),
      ...(flags.initialVoltage !== undefined ? { initialVoltage: flags.initialVoltage } : {}),
      ...(extra.neuronType !== undefined ? { neuronType: extra.neuronType } : {}),
      ...(extra.synapseTau !== undefined ? { synapse: { type: 'lowpass', params: { tau: extra.synapseTau } } } : {}),
    });
    progress.finish();
    return result;
  } catch (e) {
    progress.finish();
    // options out of range are the user's flags: say which flag
    const flag = isSnnError(e, 'SIM_BAD_ARGUMENT') ? { targetRateHz: '--target-rate', maxRateHz: '--max-rate', neuronType: '--neuron', percentile: '--percentile', initialVoltage: '--initial-voltage' }[e.where ?? ''] : undefined;
    if (flag) throw new UsageError(`${flag}: ${e instanceof Error ? e.message.replace(/^calibrate: /, '') : String(e)}`);
    throw e;
  }
}

/** The per-layer table a calibration prints. */
export function renderCalibration(c: Calibration, flags: CalibrationFlags): string {
  const rows = c.layers.map((l) => [
    l.node,
    `${l.fromType} -> ${l.neuronType}`,
    l.threshold.toPrecision(4),
    l.scale.toPrecision(4),
    l.expectedRateHz.toFixed(1),
    l.limitedBy === 'targetRate' ? 'target rate' : l.limitedBy === 'threshold' ? 'QCFS threshold' : l.limitedBy === 'silent' ? 'silent (unscaled)' : `p${flags.percentile}`,
  ]);
  const table = formatTable(['layer', 'neurons', flags.maxRate !== undefined ? `${flags.maxRate} Hz =` : 'one spike/step =', 'scale', 'rate (Hz)', 'set by'], rows, ['left', 'left', 'right', 'right', 'right', 'left']);
  const notes = c.notes.map((n) => `note: ${n}\n`).join('');
  return `calibrated on ${formatCount(c.samples)} training images (percentile ${flags.percentile}${flags.includeZeros ? ' of all activations' : ''}${flags.targetRate !== undefined ? `, target rate ${flags.targetRate} Hz` : ''}); expected mean rates on such images:\n\n${table}${notes}read the network's output as its mean over time (evaluate does so by default)\n`;
}
