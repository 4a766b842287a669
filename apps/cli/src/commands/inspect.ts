import type { Command } from 'commander';
import type { ModelReport } from '@snn/keras-import';
import { addConversionFlags, importOptions, type ConversionFlags } from '../conversion-flags.js';
import type { CliIo } from '../io.js';
import { checkFile, isNetworkFile, loadModel, reportLoad } from '../load-model.js';
import { describeNetwork, renderNetworkReport } from '../network-report.js';
import { formatCount, formatTable } from '@snn/report';
import { SnnError } from '@snn/ir';
import { describeFailure } from '../usage-error.js';

interface InspectFlags extends ConversionFlags {
  readonly json?: boolean;
}

/** `snn inspect MODEL`: the layers of a Keras model, their shapes and parameters, and whether each converts. */
export function inspectCommand(program: Command, io: CliIo): Command {
  const command = program
    .command('inspect')
    .description('list a Keras model\'s layers (class, IR output shape, parameters, whether each converts), or an .snn network\'s nodes (kind, shape, parameters, neuron types and scales, synapses) and its history (source, conversion, calibration, training)')
    .argument('<MODEL>', 'Keras 2 .h5, Keras 3 .keras, TensorFlow.js model.json (its weight shards beside it), an .snn network or a .nir graph')
    .option('--json', 'print the report as one JSON object (the last line)')
    .addHelpText('after', '\nConversion flags change what converts (e.g. --neuron elu=LIF, --max-to-avg-pool); exit code 0 whether or not the model converts,\n1 when the file cannot be read.\n');
  return addConversionFlags(command).action(async (model: string, flags: InspectFlags) => {
    checkFile(model, 'model file');
    if (isNetworkFile(model)) {
      const loaded = await loadModel(model, flags); // conversion flags apply as graph passes
      reportLoad(io, loaded);
      const report = describeNetwork(loaded.graph);
      io.out(`${model}: ${loaded.format} network, ${loaded.graph.nodes.length} nodes, ${formatCount(report.params)} parameters\n\n`);
      io.out(renderNetworkReport(report));
      if (flags.json) io.out(JSON.stringify({ nodes: report.nodes, params: report.params, neurons: report.neurons }) + '\n');
      return;
    }
    if (flags.architecture !== undefined) checkFile(flags.architecture, 'architecture file');
    // loaded on use, so that --help and usage errors answer at once (the importer starts WebAssembly)
    const { inspectKerasModel } = await import('@snn/keras-import');
    const { readKerasModelFile } = await import('@snn/keras-import/node');
    const source = await readKerasModelFile(model, flags.architecture !== undefined ? { architecturePath: flags.architecture } : {});
    const report = inspectKerasModel(source, importOptions(flags));
    const version = source.kerasVersion !== undefined ? `, written by ${/^\d/.test(source.kerasVersion) ? 'Keras ' : ''}${source.kerasVersion}` : '';
    io.out(`${model}: ${source.format}${version}, ${report.layers.length} layers, ${formatCount(report.params)} parameters\n\n`);
    io.out(renderReport(report));
    if (flags.json) io.out(JSON.stringify(report) + '\n');
  });
}

/** The layer table and the verdict. */
export function renderReport(report: ModelReport): string {
  const rows = report.layers.map((l) => [
    l.name,
    l.className,
    l.outputShape ? l.outputShape.join('x') : '-',
    formatCount(l.params),
    l.converts ? 'yes' : `no (${l.problem ?? 'see below'})`,
  ]);
  const table = formatTable(['layer', 'class', 'IR shape', 'params', 'converts'], rows, ['left', 'left', 'left', 'right', 'left']);
  const verdict = report.error === undefined ? 'the model converts' : `the model does not convert: ${describeFailure(new SnnError(report.error.code, report.error.message))}`;
  return `${table}\n${verdict}\n`;
}
