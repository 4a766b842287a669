import { countActivity, estimateEnergy, formatRange, renderEnergyReport, spikesFromRates, type EnergyReport, type LoihiLayer } from '@snn/loihi';
import { barChart, figure, htmlTable, paragraph } from '@snn/report';
import type { LoihiWalk } from '../walk.js';

export const ENERGY_STAGE = '8. Energy and latency per image';

/**
 * Stage 8: energy and latency per image on Loihi from the emulator's spike counts (synaptic
 * operations, neuron updates, spikes routed) and the cores used, beside the same network as an
 * ANN on a CPU and a GPU; every figure cited.
 */
export function energyStage(walk: LoihiWalk, layers: readonly LoihiLayer[], firingRateHz: Readonly<Record<string, number>>, cores: number, dt = 0.001): EnergyReport {
  const { steps } = walk.options;
  walk.io.out(`\n== ${ENERGY_STAGE}\n`);
  const report = estimateEnergy(countActivity(layers, spikesFromRates(layers, firingRateHz, steps, dt), steps), { cores });
  walk.io.out(renderEnergyReport(report));
  const a = report.activity;
  const citations = report.platforms.flatMap((p) => p.citations.map((c) => `${p.platform}: ${c.figure} = ${c.value} ${c.unit} (${c.source})`));
  walk.report.section(
    ENERGY_STAGE,
    paragraph(
      `Per image (${steps} steps, ${cores} cores): ${a.synapticOps.toLocaleString('en-US')} synaptic operations, ${a.spikes.toLocaleString('en-US', { maximumFractionDigits: 0 })} spikes and ${(a.compartments * a.steps).toLocaleString('en-US')} neuron updates on the chip; ` +
        `${a.macs.toLocaleString('en-US')} multiply-accumulates for the same layers run as an ANN on a CPU or a GPU. Energies are the counts priced with published per-operation figures (ranges where the figures give bounds); they leave out what the sources do not measure (host, I/O, static power beyond the figures).`,
    ),
    htmlTable(['platform', 'energy per image', 'latency per image'], report.platforms.map((p) => [p.platform, formatRange(p.energyJ.min, p.energyJ.max, 'J'), formatRange(p.latencyS.min, p.latencyS.max, 's')]), { align: ['left', 'right', 'right'] }),
    figure(
      barChart({ title: 'Energy per image (upper bound, log scale)', categories: report.platforms.map((p) => p.platform), series: [{ name: 'energy (J)', values: report.platforms.map((p) => p.energyJ.max) }], y: { label: 'J per image', log: true } }),
      'Loihi from its spike counts; the CPU and GPU running the same layers as an ANN.',
    ),
    paragraph(`Notes: ${report.platforms.flatMap((p) => p.notes.map((n) => `${p.platform}: ${n}`)).join(' ')}`),
    paragraph(`Figures used: ${citations.join('; ')}.`),
  );
  return report;
}
