import { createLoihiRegistries, loihiRegistryModule } from '@snn/loihi';
import { openWalk, stagesJson, summaryHtml, summaryText, timed, writeWalkOutputs } from '@snn/keras-to-snn/shared';
import { paragraph } from '@snn/report';
import type { LoihiWalkOptions } from './options.js';
import { annStage } from './stages/ann.js';
import { emulatorStage } from './stages/emulator.js';
import { energyStage } from './stages/energy.js';
import { loihiTrainingStage } from './stages/loihi-training.js';
import { partitionStage } from './stages/partition.js';
import { rateCurvesStage } from './stages/rate-curves.js';
import { spikingReluStages } from './stages/spiking-relu.js';
import type { WalkIo } from '@snn/keras-to-snn/shared';

/**
 * Run the keras-to-loihi walkthrough: stages 1-8 (tables on stdout, progress on stderr), the
 * networks and the HTML report in `options.out`, the summary, and the `--json` line. Returns
 * the report's path.
 */
export async function runLoihiWalk(options: LoihiWalkOptions, io: WalkIo): Promise<string> {
  const walk = openWalk(options, io, {
    title: 'snn walkthrough: from a Keras-style ANN to Intel Loihi',
    subtitle: `${options.limit.toLocaleString('en-US')} test images, ${options.steps} steps each, seed ${options.seed}${options.quick ? ', --quick' : ''}`,
    banner: 'keras-to-loihi walkthrough',
    registries: createLoihiRegistries(),
    registryModule: loihiRegistryModule,
  });
  const ann = await timed(walk, '1 ANN', () => annStage(walk));
  walk.networks.set('ann.snn', ann.graph);
  const spiking = await timed(walk, '2-3 spiking ReLU', () => spikingReluStages(walk, ann));
  const trained = await timed(walk, '4 Loihi training', () => loihiTrainingStage(walk, ann, spiking));
  walk.networks.set('loihi.snn', trained.graph);
  rateCurvesStage(walk);
  const partition = await timed(walk, '6 partition', async () => partitionStage(walk, trained.graph));
  const emulator = await timed(walk, '7 emulator', () => emulatorStage(walk, trained.graph, trained.row, ann.row.accuracy));
  const energy = energyStage(walk, partition.layers, emulator.run.firingRateHz, partition.partition.cores);
  const loihi = energy.platforms[0]!;

  walk.report.section('Summary', paragraph(`Every network of the walkthrough on ${walk.test.count.toLocaleString('en-US')} test images; the network that went to the chip is in bold. Networks written to ${options.out}: ${[...walk.networks.keys()].join(', ')}.`), summaryHtml(walk, ann.row.accuracy, trained.row));
  const reportPath = writeWalkOutputs(walk);
  io.out(summaryText(walk, ann.row.accuracy, reportPath));
  io.out(
    `on Loihi: ${partition.partition.cores} cores (the example's block shapes ${partition.cores.example ?? '-'}, Nengo Loihi's split ${partition.cores.sequential}); emulator ${(100 * emulator.run.accuracy).toFixed(2)}% ` +
      `vs float ${(100 * emulator.floatAccuracy).toFixed(2)}% on ${emulator.images.toLocaleString('en-US')} images in ${emulator.seconds.toFixed(1)} s; energy per image ${loihi.energyJ.max.toExponential(3)} J (upper bound)\n`,
  );
  if (options.json) {
    const { stages, timings } = stagesJson(walk);
    const energyJ = Object.fromEntries(energy.platforms.map((p) => [p.platform, p.energyJ]));
    io.out(
      JSON.stringify({
        ann: { accuracy: ann.row.accuracy },
        stages,
        emulator: { accuracy: emulator.run.accuracy, images: emulator.images, steps: options.steps, seconds: +emulator.seconds.toFixed(2), floatAccuracy: emulator.floatAccuracy, firingRateHz: emulator.run.firingRateHz, saturatedNeurons: Object.fromEntries(Object.entries(emulator.run.saturation).map(([l, x]) => [l, x.saturatedNeurons])) },
        cores: partition.partition.cores,
        partitions: partition.cores,
        energyPerImageJ: loihi.energyJ.max,
        energyJ,
        timings,
        report: reportPath,
      }) + '\n',
    );
  }
  return reportPath;
}
