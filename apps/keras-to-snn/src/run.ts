import { paragraph } from '@snn/report';
import { NET_WALKS } from './nets/net-walks.js';
import type { WalkOptions } from './options.js';
import { bestFewStepRow, fewStepVerdict, summaryHtml, summaryJson, summaryText } from './summary.js';
import { openWalk, writeWalkOutputs } from './open-walk.js';
import type { WalkIo } from './walk.js';

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
  const walk = openWalk(options, io, {
    title: `snn walkthrough: ${TITLES[options.net]}`,
    subtitle: `--net ${options.net}${options.model ? ` --model ${options.model}` : ''}, ${options.limit.toLocaleString('en-US')} test images, seed ${options.seed}${options.quick ? ', --quick' : ''}`,
    banner: `keras-to-snn walkthrough (--net ${options.net})`,
  });
  const net = NET_WALKS[options.net];
  const annAccuracy = await net.run(walk);

  const best = bestFewStepRow(walk.rows, net.fewStepStages);
  walk.report.section('Summary', paragraph(`Every network of the walkthrough on ${walk.test.count.toLocaleString('en-US')} test images; the best spiking network in at most 30 steps with mean rates of at most 250 Hz is in bold. Networks written to ${options.out}: ${[...walk.networks.keys()].join(', ')}.`), summaryHtml(walk, annAccuracy, best));
  const reportPath = writeWalkOutputs(walk);
  io.out(summaryText(walk, annAccuracy, reportPath, fewStepVerdict(best, annAccuracy)));
  if (options.json) io.out(summaryJson(walk, annAccuracy, reportPath) + '\n');
  return reportPath;
}
