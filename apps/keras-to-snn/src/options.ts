import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { positiveInt } from '@snn/cli/args';
import type { WalkBaseOptions } from './walk.js';
import { addWalkBaseOptions, walkBaseOptions } from './walk-program.js';

/** The networks the walkthrough knows. */
export const NETS = ['keras-to-snn', 'lif-conv', 'mlp', 'hybrid'] as const;
export type NetName = (typeof NETS)[number];

/** What the user asked for, with the defaults (and `--quick`'s reductions) applied. */
export interface WalkOptions extends WalkBaseOptions {
  readonly net: NetName;
  /** A Keras (.h5, .keras), TensorFlow.js (model.json) or .snn model to start from instead of training. */
  readonly model?: string;
  /** Epochs of the ANN's training (2; 1 with --quick). */
  readonly annEpochs: number;
  /** Epochs of fine-tuning stages (rate regularization: 10, 1 with --quick). */
  readonly epochs: number;
  /** `--epochs` as given (undefined: each walkthrough's own default). */
  readonly epochsFlag?: number;
  /** Epochs of the QCFS few-step fine-tuning (2; 1 with --quick). */
  readonly qcfsEpochs: number;
  /** `--train-limit` as given (undefined: each walkthrough's own default). */
  readonly trainLimitFlag?: number;
  /** The longest simulation of the accuracy-vs-steps curves. */
  readonly maxSteps: number;
}

const DEFAULTS = { quickLimit: 500, quickTrainLimit: 5000, quickHelp: 'a short run (under a minute): fewer images, one epoch per training' };

/** The walkthrough's command line (commander): parse errors throw instead of exiting. */
export function createProgram(onRun: (options: WalkOptions) => Promise<void>, write: { out: (t: string) => void; err: (t: string) => void }): Command {
  const program = new Command('keras-to-snn')
    .description(
      'The keras-to-snn walkthrough on MNIST: train (or load) an ANN, convert it to a spiking network stage by stage ' +
        '(naive conversion, synaptic smoothing, firing-rate scaling, firing-rate regularization, calibration and QCFS ' +
        'few-step fine-tuning), print a table per stage and write a self-contained HTML report.',
    )
    .addOption(new Option('--net <NET>', 'which walkthrough: keras-to-snn (NengoDL\'s keras-to-snn example and further), lif-conv (spiking LIF convolutional network trained with SoftLIF), mlp (a dense network converted, output averaged over time), hybrid (Keras layers inside a spiking network with a Nengo ensemble)').choices(NETS).default('keras-to-snn'))
    .option('--model <FILE>', 'start from your own trained model (Keras .h5/.keras, TensorFlow.js model.json, or .snn) instead of training the built-in network; the conversion stages then run on it')
    .addOption(new Option('--epochs <N>', 'epochs of fine-tuning with the firing-rate loss (default 10; 1 with --quick); with --net lif-conv the epochs of its SoftLIF training (default 1)').argParser(positiveInt))
    .addOption(new Option('--steps <T>', 'longest simulation of the accuracy-vs-steps curves').argParser(positiveInt).default(60));
  return addWalkBaseOptions(program, DEFAULTS, write)
    .option('--json', 'end the output with one JSON line: the ANN, every stage\'s accuracy, rates and SynOps, the report path')
    .addHelpText('after', '\nExamples:\n  npm start                                  the whole walkthrough (about 9 minutes on 2 cores)\n  keras-to-snn --quick                       a short run\n  keras-to-snn --model my-model.h5 --quick   the conversion stages on your own model\n  keras-to-snn --net lif-conv                NengoDL\'s spiking MNIST network\n  keras-to-snn --net hybrid --quick          Keras layers feeding spiking LIF layers and a Nengo ensemble\n\nExit codes: 0 success, 1 the run failed, 2 bad usage.\n')
    .action(async (flags: Record<string, unknown>) => onRun(walkOptions(flags)));
}

function walkOptions(flags: Record<string, unknown>): WalkOptions {
  const quick = flags.quick === true;
  return {
    ...walkBaseOptions('keras-to-snn', flags, DEFAULTS),
    net: flags.net as NetName,
    ...(flags.model !== undefined ? { model: resolve(flags.model as string) } : {}),
    annEpochs: quick ? 1 : 2,
    epochs: (flags.epochs as number | undefined) ?? (quick ? 1 : 10),
    ...(flags.epochs !== undefined ? { epochsFlag: flags.epochs as number } : {}),
    qcfsEpochs: quick ? 1 : 2,
    ...(flags.trainLimit !== undefined ? { trainLimitFlag: flags.trainLimit as number } : {}),
    maxSteps: flags.steps as number,
  };
}
