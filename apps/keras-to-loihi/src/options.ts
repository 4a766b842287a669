import { Command, Option } from 'commander';
import { positiveInt } from '@snn/cli/args';
import { addWalkBaseOptions, walkBaseOptions, type WalkBaseOptions } from '@snn/keras-to-snn/shared';

/** What the user asked for, with the defaults (and `--quick`'s reductions) applied. */
export interface LoihiWalkOptions extends WalkBaseOptions {
  /** Epochs of the ANN's training (6; 1 with --quick). */
  readonly annEpochs: number;
  /** Epochs of training through the Loihi neurons (2, as the example; 1 with --quick). */
  readonly loihiEpochs: number;
  /** Steps each test image is shown for (30, the example's presentation time of 0.03 s). */
  readonly steps: number;
}

const DEFAULTS = { quickLimit: 500, quickTrainLimit: 5000, quickHelp: 'a short run (about a minute): fewer images, one epoch per training' };

/** The walkthrough's command line (commander): parse errors throw instead of exiting. */
export function createProgram(onRun: (options: LoihiWalkOptions) => Promise<void>, write: { out: (t: string) => void; err: (t: string) => void }): Command {
  const program = new Command('keras-to-loihi')
    .description(
      'The keras-to-loihi walkthrough on MNIST (Nengo Loihi\'s example, measured on all 10,000 test images): train an ANN, ' +
        'run it with spiking ReLU and with Loihi\'s spiking ReLU, set per-layer firing rates, train through the Loihi neurons, ' +
        'partition the network into Loihi cores, run it on the bit-exact integer emulator and estimate its energy per image ' +
        'beside a CPU and a GPU; print a table per stage and write a self-contained HTML report.',
    )
    .addOption(new Option('--epochs <N>', 'epochs of the ANN\'s training (default 6; 1 with --quick)').argParser(positiveInt))
    .addOption(new Option('--loihi-epochs <N>', 'epochs of training through the Loihi neurons (default 2; 1 with --quick)').argParser(positiveInt))
    .addOption(new Option('--steps <T>', 'time steps each test image is shown for (presentation time x 1 ms)').argParser(positiveInt).default(30));
  return addWalkBaseOptions(program, DEFAULTS, write)
    .option('--json', 'end the output with one JSON line: {"ann", "stages", "emulator", "cores", "energyPerImageJ", "report"}')
    .addHelpText('after', '\nExamples:\n  npm run keras-to-loihi                      the whole walkthrough\n  npm run keras-to-loihi -- --quick           a short run\n  keras-to-loihi --limit 1000 --json          every stage on the first 1,000 test images, with a JSON summary\n\nExit codes: 0 success, 1 the run failed, 2 bad usage.\n')
    .action(async (flags: Record<string, unknown>) => onRun(loihiWalkOptions(flags)));
}

function loihiWalkOptions(flags: Record<string, unknown>): LoihiWalkOptions {
  const quick = flags.quick === true;
  return {
    ...walkBaseOptions('keras-to-loihi', flags, DEFAULTS),
    annEpochs: (flags.epochs as number | undefined) ?? (quick ? 1 : 6),
    loihiEpochs: (flags.loihiEpochs as number | undefined) ?? (quick ? 1 : 2),
    steps: flags.steps as number,
  };
}
