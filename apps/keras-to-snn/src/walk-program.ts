import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { describeFailure, exitOnInterrupt, nonNegativeInt, positiveInt, UsageError, verboseTrace } from '@snn/cli/args';
import type { WalkBaseOptions, WalkIo } from './walk.js';

/** Defaults of the flags every walkthrough has. */
export interface WalkBaseDefaults {
  /** Test images with `--quick` (all 10,000 otherwise). */
  readonly quickLimit: number;
  /** Training images with `--quick` (all 60,000 otherwise). */
  readonly quickTrainLimit: number;
  /** What `--quick` does, for `--help`. */
  readonly quickHelp: string;
}

/**
 * Add the flags every walkthrough shares to `program`: --limit, --train-limit, --seed,
 * --quick, --retrain, --out, --cache, --workers, --json; parse errors throw (exit code 2
 * from {@link runWalkMain}) and are printed as one line prefixed with the program's name.
 */
export function addWalkBaseOptions(program: Command, defaults: WalkBaseDefaults, write: { out: (t: string) => void; err: (t: string) => void }): Command {
  const name = program.name();
  return program
    .option('--retrain', 'train again even when trained parameters for these settings are cached')
    .addOption(new Option('--limit <N>', `test images every accuracy is measured on (default all 10,000; ${defaults.quickLimit.toLocaleString('en-US')} with --quick)`).argParser(positiveInt))
    .addOption(new Option('--train-limit <N>', `training images (default all 60,000; ${defaults.quickTrainLimit.toLocaleString('en-US')} with --quick)`).argParser(positiveInt))
    .addOption(new Option('--seed <N>', 'seed of weights, shuffling and neuron states: equal seeds repeat a run exactly').argParser(nonNegativeInt).default(1))
    .option('--quick', defaults.quickHelp)
    .option('--out <DIR>', 'where the report and the networks go', `${name}-out`)
    .option('--cache <DIR>', `where trained parameters are cached (default ~/.cache/snn/${name}, or $SNN_CACHE_DIR)`)
    .addOption(new Option('--workers <N>', 'worker threads for spiking simulations').argParser(positiveInt).default(2))
    .option('--verbose', 'on a failed run, also print the stack trace (as $SNN_VERBOSE=1 does)')
    .exitOverride()
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      outputError: (text, w) => w(`${name}: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });
}

/** The shared options from parsed `flags` of {@link addWalkBaseOptions} (`--quick` reductions applied). */
export function walkBaseOptions(name: string, flags: Record<string, unknown>, defaults: WalkBaseDefaults): WalkBaseOptions {
  const quick = flags.quick === true;
  const cache = (flags.cache as string | undefined) ?? process.env.SNN_CACHE_DIR ?? join(homedir(), '.cache', 'snn', name);
  return {
    limit: (flags.limit as number | undefined) ?? (quick ? defaults.quickLimit : 10000),
    trainLimit: (flags.trainLimit as number | undefined) ?? (quick ? defaults.quickTrainLimit : 60000),
    calibrationImages: 1000,
    seed: flags.seed as number,
    quick,
    retrain: flags.retrain === true,
    out: resolve(flags.out as string),
    cacheDir: resolve(cache),
    json: flags.json === true,
    workers: flags.workers as number,
  };
}

/**
 * A walkthrough's `main`: parse `argv` with `program` and run it; exit 0 on success, 2 on bad
 * usage, 1 when the run failed (one line, no stack trace unless --verbose or $SNN_VERBOSE), 130 on
 * Ctrl-C, once the output is flushed (worker threads of the WebAssembly backend may keep the event
 * loop alive).
 */
export async function runWalkMain(name: string, createProgram: (io: WalkIo) => Command, argv: readonly string[]): Promise<never> {
  exitOnInterrupt(name);
  const io: WalkIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), errIsTTY: process.stderr.isTTY === true };
  let code = 0;
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof UsageError) {
      io.err(`${name}: ${e.message}\n`);
      code = 2;
    } else {
      io.err(`${name}: ${describeFailure(e)}\n${verboseTrace(argv, e)}`);
      code = 1;
    }
  }
  return new Promise<never>(() => {
    let pending = 2;
    const flushed = (): void => {
      if (--pending === 0) process.exit(code);
    };
    process.stdout.write('', flushed);
    process.stderr.write('', flushed);
  });
}
