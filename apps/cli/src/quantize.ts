import { inferShapes, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import type { NeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import type { CliIo } from './io.js';
import { mnistInput } from '@snn/mnist';
import { formatCount } from '@snn/report';

/** Settings of `snn train --quantize-steps`. */
export interface QuantizeSettings {
  /** Quantization levels L: the converted network is meant to run about L steps. */
  readonly levels: number;
  /** Percentile of each ReLU layer's positive activations that starts its threshold. */
  readonly percentile: number;
  /** Training images the activations are measured on. */
  readonly images: number;
}

/**
 * Turn the ReLU layers of `graph` into QCFS layers (Bu et al., ICLR 2022) for few-step
 * fine-tuning: each threshold starts at the `percentile` of the layer's positive ANN
 * activations on the first `images` training images (what `calibrate` maps to one spike per
 * step) and then trains with the weights. `snn convert --calibrate` later uses the trained
 * thresholds. Prints one line per layer on stderr.
 */
export async function quantizeForFewSteps(graph: Graph, settings: QuantizeSettings, neurons: NeuronRegistry, io: CliIo): Promise<Graph> {
  const { qcfsFromData } = await import('@snn/train');
  const { inputId } = mnistInput(graph, inferShapes(graph));
  const data = loadMnist('train', settings.images);
  const { graph: quantized, thresholds } = qcfsFromData(graph, { [inputId]: data.images }, { levels: settings.levels, percentile: settings.percentile, neurons, synapses: createSynapseRegistry() });
  const ids = Object.keys(thresholds);
  const lines = ids.map((id) => `  ${id}: threshold ${thresholds[id].toPrecision(4)}`).join('\n');
  io.err(`snn: QCFS with ${settings.levels} levels on ${ids.length} ReLU layer${ids.length === 1 ? '' : 's'}, thresholds from the p${settings.percentile} activation on ${formatCount(data.count)} training images (trained from there):\n${lines}\n`);
  return quantized;
}
