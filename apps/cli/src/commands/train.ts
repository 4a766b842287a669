import { statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { collect, nonNegativeInt, nonNegativeNumber, percentage, positiveInt, positiveNumber } from '../numbers.js';
import { formatCount } from '@snn/report';
import { checkTrainUsage, DEFAULT_RATE_WEIGHT, type TrainFlags } from '../train-flags.js';
import { renderTrainSummary } from '../train-report.js';

/** `snn train MODEL --data mnist-train --epochs E -o OUT.snn`: train a network in rate mode on MNIST and write it. */
export function trainCommand(program: Command, io: CliIo): Command {
  return program
    .command('train')
    .description('train a Keras model, an .snn network or the built-in keras-to-snn network on MNIST (rate mode, through surrogates for spiking types) and write the trained network')
    .argument('[MODEL]', 'Keras model (.h5, .keras, model.json), an .snn network, or keras-to-snn (NengoDL\'s example network, initialized from --seed); not read with --resume')
    .addOption(new Option('--data <SET>', 'training images (pixels scaled to 0..1)').choices(['mnist-train']).default('mnist-train'))
    .addOption(new Option('--epochs <E>', 'epochs to reach (with --resume, counting the checkpoint\'s)').argParser(positiveInt).default(1))
    .addOption(new Option('--batch <N>', 'images per gradient step').argParser(positiveInt).default(200))
    .addOption(new Option('--optimizer <NAME>', 'optimizer').choices(['adam', 'rmsprop', 'sgd']).default('adam'))
    .addOption(new Option('--lr <X>', 'learning rate').argParser(positiveNumber).default(1e-3))
    .addOption(new Option('--seed <N>', 'seed of the keras-to-snn weights and of the shuffling').argParser(nonNegativeInt).default(0))
    .addOption(new Option('--limit <N>', 'train on the first N training images only').argParser(positiveInt))
    .addOption(new Option('--test-limit <N>', 'test on the first N mnist-test images only (default all 10,000)').argParser(positiveInt))
    .addOption(new Option('--neuron <FROM=TO>', 'swap neuron type FROM for TO before training (TO alone swaps RectifiedLinear); the written network keeps TO, trained through its surrogate (LIF: SoftLIFRate); repeatable').argParser(collect))
    .optionsGroup('Few-step fine-tuning (QCFS, Bu et al. ICLR 2022):')
    .addOption(
      new Option('--quantize-steps <L>', 'train the ReLU layers as QCFS: clipped, L-level quantized, half-step-shifted staircases with trainable thresholds, so that snn convert --calibrate gives a network accurate at about L steps')
        .argParser(positiveInt),
    )
    .addOption(new Option('--quantize-percentile <P>', 'percentile of each ReLU layer\'s positive activations its threshold starts at').argParser(percentage).default(99.9))
    .addOption(new Option('--quantize-images <N>', 'training images those activations are measured on').argParser(positiveInt).default(1000))
    .optionsGroup('Firing-rate regularization (NengoDL keras-to-snn, spec §6):')
    .addOption(new Option('--rate-target <HZ>', 'add the mean squared error between each neuron layer\'s firing rate (Hz) and HZ to the loss').argParser(nonNegativeNumber))
    .addOption(new Option('--rate-weight <W>', `weight of each layer's rate term (default ${DEFAULT_RATE_WEIGHT})`).argParser(positiveNumber))
    .addOption(new Option('--rate-layer <NAME>', 'regularize only this neuron layer: a neurons node id or a Keras layer name (repeatable; default every neuron layer)').argParser(collect))
    .optionsGroup('Checkpoints and output:')
    .addOption(new Option('--checkpoint <FILE>', 'write the network after every epoch (atomically), with the epoch counter and the optimizer state'))
    .addOption(new Option('--resume <FILE>', 'continue from a --checkpoint file: restores the network as trained so far (parameters, swapped neuron types), its epoch counter and, if it used the same --optimizer, the optimizer state (moments, iteration count); the shuffling continues as if never interrupted'))
    .requiredOption('-o, --output <OUT.snn>', 'trained network file to write (written whole or not at all)')
    .option('--json', 'end with one JSON line: {"epochs": [{"epoch", "loss", "trainAccuracy", "testAccuracy", "seconds", "imagesPerSecond"}], "testAccuracy", "output", ...}')
    .optionsGroup('Options:')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  snn train keras-to-snn --epochs 2 --seed 1 -o k2s.snn\n' +
        '  snn train model.h5 --epochs 1 --neuron RectifiedLinear=SpikingRectifiedLinear --rate-target 250 --optimizer rmsprop -o net.snn\n' +
        '  snn train keras-to-snn --epochs 4 --checkpoint ckpt.snn -o k2s.snn   (interrupted? add --resume ckpt.snn)\n' +
        '  snn train k2s.snn --quantize-steps 8 --epochs 2 --lr 1e-4 -o k2s-q8.snn   (then snn convert k2s-q8.snn --calibrate)\n' +
        '  snn evaluate k2s.snn --data mnist-test --steps 1 --mode rate   (the accuracy train reported)\n',
    )
    .action(async (model: string | undefined, flags: TrainFlags) => {
      checkTrainUsage(model, flags);
      const { runTraining } = await import('../train-run.js'); // on use: keeps --help instant
      const { summary, format, graph } = await runTraining(model, flags, io);
      const types = [...new Set(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : [])))].join(', ') || 'none';
      io.out(renderTrainSummary(summary, format));
      io.out(`wrote ${flags.output}: the network after epoch ${summary.epochs[summary.epochs.length - 1].epoch} (neuron types: ${types}), ${formatCount(statSync(flags.output).size)} bytes\n`);
      if (flags.json) io.out(JSON.stringify(summary) + '\n');
    });
}
