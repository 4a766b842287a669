import type { Command } from 'commander';
import { encodeSnn, inferShapes } from '@snn/ir';
import { writeFileAtomic } from '../atomic-write.js';
import { addCalibrationFlags, loadAndCalibrate, type CalibrationFlags } from '../calibration.js';
import { addConversionFlags, type ConversionFlags } from '../conversion-flags.js';
import type { CliIo } from '../io.js';
import { formatCount } from '@snn/report';

interface ConvertFlags extends ConversionFlags, CalibrationFlags {
  readonly output: string;
}

/** `snn convert MODEL -o NET.snn`: convert a Keras model or an `.snn` network to a (spiking) network file. */
export function convertCommand(program: Command, io: CliIo): Command {
  const command = program
    .command('convert')
    .description('convert a Keras model or an .snn network to an snn network file (.snn), applying the conversion flags')
    .argument('<MODEL>', 'Keras 2 .h5, Keras 3 .keras, TensorFlow.js model.json (its weight shards beside it), or an .snn network')
    .requiredOption('-o, --output <NET.snn>', 'network file to write (written whole or not at all)')
    .addHelpText(
      'after',
      '\nExamples:\n  snn convert model.h5 -o net.snn --neuron SpikingRectifiedLinear --scale 20 --synapse 0.005\n  snn convert trained.snn -o spiking.snn --neuron SpikingRectifiedLinear --scale-layer dense_1=50\n' +
        '  snn convert model.h5 -o calibrated.snn --calibrate --calibration-images 1000 --percentile 99.9 --target-rate 250\n',
    );
  addConversionFlags(command);
  return addCalibrationFlags(command).action(async (model: string, flags: ConvertFlags) => {
    const { graph } = await loadAndCalibrate(model, flags, io);
    const bytes = encodeSnn(graph); // everything that can fail happens before the file is touched
    writeFileAtomic(flags.output, bytes);
    const shapes = inferShapes(graph);
    const neurons = graph.nodes.filter((n) => n.kind === 'neurons');
    const count = neurons.reduce((s, n) => s + (shapes.get(n.id) ?? []).reduce((a, b) => a * b, 1), 0);
    const types = [...new Set(neurons.map((n) => (n.kind === 'neurons' ? n.neuronType : '')))].join(', ') || 'none';
    io.out(`wrote ${flags.output}: ${graph.nodes.length} nodes, ${neurons.length} neuron layers (${formatCount(count)} neurons; ${types}), ${formatCount(bytes.length)} bytes\n`);
  });
}
