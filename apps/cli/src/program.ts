import { Command } from 'commander';
import { convertCommand } from './commands/convert.js';
import { evaluateCommand } from './commands/evaluate.js';
import { inspectCommand } from './commands/inspect.js';
import { trainCommand } from './commands/train.js';
import { loihiCommand } from './commands/loihi.js';
import type { CliIo } from './io.js';
import { collect } from './numbers.js';
import { loadPlugins } from './plugins.js';
import { usePlugins } from './registries.js';

/** The `snn` program with its commands; parse errors throw (see `runCli`) instead of exiting. */
export function createProgram(io: CliIo): Command {
  const program = new Command('snn')
    .description('snn: inspect Keras models, convert them to spiking networks, evaluate them on MNIST, and train them')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // commander's messages read "error: unknown option '--x'"; one line, named after the program
      outputError: (text, write) => write(`snn: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    })
    .configureHelp({ showGlobalOptions: true })
    .option('--verbose', 'on a failed run, also print the stack trace (as $SNN_VERBOSE=1 does)')
    .option('--plugin <MODULE>', 'load a plugin before the command runs: a module (path or package name) whose register({ neurons, synapses, converters }) adds neuron types, synapses and Keras layer converters (repeatable)', collect)
    .hook('preAction', async (root) => {
      const specs = (root.opts() as { plugin?: string[] }).plugin ?? [];
      // every run sets its plugins (none without --plugin): runs in one process stay apart
      if (specs.length === 0) return usePlugins([]);
      const plugins = await loadPlugins(specs);
      const { createLayerConverterRegistry } = await import('@snn/keras-import'); // on use: keeps --help instant
      usePlugins(plugins, createLayerConverterRegistry);
    })
    .addHelpText('after', '\nExit codes: 0 success, 1 the run failed (file, model or data problem), 2 bad usage.\nRun snn COMMAND --help for a command\'s flags.\n');
  inspectCommand(program, io);
  convertCommand(program, io);
  evaluateCommand(program, io);
  trainCommand(program, io);
  loihiCommand(program, io);
  return program;
}
