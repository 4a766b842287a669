import type { Command } from 'commander';
import { encodeSnn, inferShapes, type Graph } from '@snn/ir';
import { writeFileAtomic } from '../atomic-write.js';
import { addCalibrationFlags, loadAndCalibrate, type CalibrationFlags } from '../calibration.js';
import { addConversionFlags, type ConversionFlags } from '../conversion-flags.js';
import type { CliIo } from '../io.js';
import { formatCount } from '@snn/report';

interface ConvertFlags extends ConversionFlags, CalibrationFlags {
  readonly output: string;
  readonly nirApproximate?: boolean;
}

/** `snn convert MODEL -o NET.snn|NET.nir`: convert a Keras model, an `.snn` or a `.nir` network to a (spiking) network file. */
export function convertCommand(program: Command, io: CliIo): Command {
  const command = program
    .command('convert')
    .description('convert a Keras model, an .snn or a .nir network to an snn network file (.snn) or a NIR file (.nir), applying the conversion flags')
    .argument('<MODEL>', 'Keras 2 .h5, Keras 3 .keras, TensorFlow.js model.json (its weight shards beside it), an .snn network or a .nir (NIR) graph')
    .requiredOption('-o, --output <NET.snn>', 'network file to write (written whole or not at all); a name ending in .nir writes NIR')
    .option('--nir-approximate', 'with -o NET.nir: write the nearest NIR node for parameters NIR cannot express (LIF tauRef, minVoltage), with a warning, instead of failing')
    .addHelpText(
      'after',
      '\nExamples:\n  snn convert model.h5 -o net.snn --neuron SpikingRectifiedLinear --scale 20 --synapse 0.005\n  snn convert trained.snn -o spiking.snn --neuron SpikingRectifiedLinear --scale-layer dense_1=50\n' +
        '  snn convert model.h5 -o calibrated.snn --calibrate --calibration-images 1000 --percentile 99.9 --target-rate 250\n' +
        '  snn convert model.h5 -o net.nir --neuron IntegrateAndFire --scale 500   (NIR, for Norse, snnTorch, Sinabs, Lava ...)\n',
    );
  addConversionFlags(command);
  return addCalibrationFlags(command).action(async (model: string, flags: ConvertFlags) => {
    const { graph } = await loadAndCalibrate(model, flags, io);
    // everything that can fail happens before the file is touched
    const bytes = flags.output.toLowerCase().endsWith('.nir') ? await nirBytes(graph, flags, io) : encodeSnn(graph);
    writeFileAtomic(flags.output, bytes);
    const shapes = inferShapes(graph);
    const neurons = graph.nodes.filter((n) => n.kind === 'neurons');
    const count = neurons.reduce((s, n) => s + (shapes.get(n.id) ?? []).reduce((a, b) => a * b, 1), 0);
    const types = [...new Set(neurons.map((n) => (n.kind === 'neurons' ? n.neuronType : '')))].join(', ') || 'none';
    io.out(`wrote ${flags.output}: ${graph.nodes.length} nodes, ${neurons.length} neuron layers (${formatCount(count)} neurons; ${types}), ${formatCount(bytes.length)} bytes\n`);
  });
}

async function nirBytes(graph: Graph, flags: ConvertFlags, io: CliIo): Promise<Uint8Array> {
  const { exportNir } = await import('@snn/nir'); // on use: keeps --help instant
  const bytes = await exportNir(graph, { approximate: flags.nirApproximate === true, onWarning: (w) => io.err(`snn: warning: ${w}\n`) });
  if ((graph.metadata as { readout?: string } | undefined)?.readout === 'mean') {
    // NIR records the network, not how its output is read: a calibrated network read on its last step loses accuracy
    io.err(`snn: note: a NIR file does not record how to read the output; this network is read as its mean over time: evaluate ${flags.output} with --readout mean\n`);
  }
  return bytes;
}
