import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { mnistInput } from '@snn/mnist';
import { loadMnist } from '@snn/mnist/node';
import { createProgress, formatCount, formatTable } from '@snn/report';
import { addCalibrationFlags, loadAndCalibrate, type CalibrationFlags } from '../calibration.js';
import { addConversionFlags, type ConversionFlags } from '../conversion-flags.js';
import type { CliIo } from '../io.js';
import { collect, positiveInt } from '../numbers.js';
import { cliRegistryModule } from '../registries.js';
import { UsageError } from '../usage-error.js';

interface LoihiFlags extends ConversionFlags, CalibrationFlags {
  readonly data: 'mnist-test' | 'mnist-train';
  readonly limit?: number;
  readonly steps: number;
  readonly workers: number;
  readonly blockShape?: readonly string[];
  readonly offChip?: readonly string[];
  readonly json?: boolean;
}

/** `--block-shape LAYER=R,C,K` values as a map from layer to shape. */
function blockShapes(values: readonly string[] = []): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const v of values) {
    const m = /^([^=]+)=(\d+(?:,\d+)*)$/.exec(v);
    if (!m) throw new UsageError(`--block-shape '${v}': give LAYER=R,C,K (a conv layer's tile in rows, columns, channels) or LAYER=N (a dense layer's), e.g. conv0_neurons=16,16,4`);
    out[m[1]!] = m[2]!.split(',').map(Number);
  }
  return out;
}

/**
 * `snn loihi NET --data mnist-test`: the network on Intel Loihi without the hardware: how it
 * splits into cores (given block shapes, or the automatic partitioner), each core's use of its
 * limits, the bit-exact integer emulator's accuracy and rates, and an energy and latency estimate
 * per image beside a CPU and a GPU (cited figures).
 */
export function loihiCommand(program: Command, io: CliIo): Command {
  const command = program
    .command('loihi')
    .description('map a spiking network onto Intel Loihi: partition into cores, emulate it bit-exactly on MNIST, estimate energy per image')
    .argument('<NET>', 'a network with Loihi-compatible neurons (LoihiSpikingRectifiedLinear, LoihiLIF, SpikingRectifiedLinear, LIF), e.g. from snn convert --neuron LoihiSpikingRectifiedLinear --scale 100, or any model with --calibrate --neuron LoihiSpikingRectifiedLinear')
    .addOption(new Option('--data <SET>', 'images to classify').choices(['mnist-test', 'mnist-train']).default('mnist-test'))
    .addOption(new Option('--limit <N>', 'only the first N images').argParser(positiveInt))
    .addOption(new Option('--steps <T>', 'time steps each image is shown for').argParser(positiveInt).default(30))
    .addOption(new Option('--block-shape <LAYER=SHAPE>', 'split LAYER into blocks of SHAPE (repeatable); without any, the automatic partitioner chooses').argParser(collect))
    .addOption(new Option('--workers <N>', 'worker threads the images are split across').argParser(positiveInt).default(Math.min(2, availableParallelism())))
    .addOption(new Option('--off-chip <LAYER>', 'run LAYER on the host (repeatable; default: the first neuron layer, whose spikes enter the chip)').argParser(collect))
    .option('--json', 'end with one JSON line: {"accuracy", "images", "steps", "cores", "blocks", "rates", "saturation", "warnings", "energyPerImageJ"}')
    .addHelpText('after', '\nExamples:\n  snn loihi net.snn --data mnist-test --limit 1000\n  snn loihi ann.snn --calibrate --neuron LoihiSpikingRectifiedLinear --target-rate 200 --limit 1000 --json\n  snn loihi net.snn --block-shape conv0_neurons=16,16,4 --block-shape conv1_neurons=8,8,16\n');
  addConversionFlags(command);
  return addCalibrationFlags(command).action(async (net: string, flags: LoihiFlags) => {
    const shapes = blockShapes(flags.blockShape);
    const { graph } = await loadAndCalibrate(net, flags, io);
    const loihi = await import('@snn/loihi/node');
    const offChip = flags.offChip ? { offChip: [...flags.offChip] } : {};
    const layers = loihi.graphToLoihiLayers(graph, offChip);
    const partition = Object.keys(shapes).length > 0 ? loihi.splitNetwork(layers, shapes) : loihi.autoPartition(layers);
    const cores = loihi.coreTable(partition);
    io.out(`partition: ${partition.cores} core${partition.cores === 1 ? '' : 's'} (${Object.keys(shapes).length > 0 ? 'the given block shapes, the sequential split elsewhere' : 'automatic'})\n\n`);
    io.out(formatTable(['layer', 'block shape', 'blocks'], partition.layers.map((l) => [l.name, `(${l.blockShape.shape.join(', ')})`, String(l.blocks.length)]), ['left', 'left', 'right']) + '\n');
    io.out(formatTable([...cores.headers], cores.rows.map((r) => [...r]), [...cores.align]) + '\n');

    const data = loadMnist(flags.data === 'mnist-train' ? 'train' : 'test', flags.limit ?? Infinity);
    mnistInput(graph); // refuse a model whose input MNIST images do not fit, with that error, before emulating
    const progress = createProgress(`emulating ${formatCount(data.count)} images x ${flags.steps} steps`, { write: io.err, isTTY: io.errIsTTY });
    const started = performance.now();
    const result = await loihi.emulateClassifierParallel(graph, data.images, data.labels, {
      steps: flags.steps,
      workers: flags.workers,
      registryModule: cliRegistryModule(),
      onProgress: (d, t) => progress.update(d, t),
      ...offChip,
    });
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    for (const w of result.warnings) io.err(`snn: warning: ${w}\n`);
    const quantization = result.mapping.layers.flatMap((l) => (l.quantization ? [`${l.name} ${(100 * l.quantization.relativeError).toFixed(2)}%`] : []));
    io.out(`emulator (integer, bit-exact): accuracy ${(100 * result.accuracy).toFixed(2)}% on ${formatCount(data.count)} images of ${flags.data}, ${flags.steps} steps each, ${seconds.toFixed(1)} s on ${flags.workers} thread${flags.workers === 1 ? '' : 's'}\n`);
    const saturation = Object.fromEntries(Object.entries(result.saturation).map(([k, v]) => [k, { saturatedNeurons: v.saturatedNeurons, neurons: v.neurons, fraction: v.fraction }]));
    io.out(`saturated at one spike per step (neurons that spiked on every step from their first spike on): ${Object.entries(saturation).map(([k, v]) => `${k} ${v.saturatedNeurons}/${v.neurons}`).join(', ')}\n`);
    io.out(`firing rates (Hz): ${Object.entries(result.firingRateHz).map(([k, hz]) => `${k} ${hz.toFixed(1)}`).join(', ')}\nweight quantization (max error / largest weight): ${quantization.join(', ') || 'none'}\n\n`);

    const spikes = loihi.spikesFromRates(layers, result.firingRateHz, flags.steps, result.mapping.dt);
    const energy = loihi.estimateEnergy(loihi.countActivity(layers, spikes, flags.steps), { cores: partition.cores });
    io.out(loihi.renderEnergyReport(energy) + '\n');
    if (flags.json) {
      const energyPerImageJ = Object.fromEntries(energy.platforms.map((p) => [p.platform, p.energyJ]));
      io.out(JSON.stringify({ accuracy: result.accuracy, images: data.count, steps: flags.steps, cores: partition.cores, blocks: Object.fromEntries(partition.layers.map((l) => [l.name, l.blocks.length])), rates: result.firingRateHz, saturation, warnings: result.warnings, seconds, energyPerImageJ }) + '\n');
    }
  });
}
