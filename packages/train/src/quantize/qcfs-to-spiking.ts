import { SnnError, scaleFiringRates, swapNeurons, type Graph } from '@snn/ir';

/** Options of {@link qcfsToSpiking}. */
export interface QcfsToSpikingOptions {
  /** Simulation time step in seconds (default 0.001, the simulator's default). */
  readonly dt?: number;
  /**
   * Spiking type to convert to (default `IntegrateAndFire`: signed integration `v += J dt`,
   * `floor(v)` spikes at `v >= 1`, reset by subtraction; params `initialVoltage`, `amplitude`).
   */
  readonly neuronType?: string;
}

/**
 * The spiking network of a QCFS network (Bu et al., ICLR 2022): every `QCFS` neurons node
 * (threshold λ, amplitude a) becomes an integrate-and-fire population that fires once per
 * λ of integrated input and starts half-way to threshold: `scaleFiringRates` by 1/(λ·dt)
 * (gain and bias times 1/(λ·dt), an absent gain becoming 1/(λ·dt); amplitude a·λ·dt, so
 * that one spike, amplitude/dt, carries a·λ) and `initialVoltage: 0.5`. Read the output as
 * its mean over T ≈ levels steps. Returns a new graph; the input is not modified. Throws
 * `TRAIN_BAD_ARGUMENT` for a bad `dt` or a graph without QCFS nodes.
 */
export function qcfsToSpiking(graph: Graph, options: QcfsToSpikingOptions = {}): Graph {
  const { dt = 0.001, neuronType = 'IntegrateAndFire' } = options;
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt <= 0) {
    throw new SnnError('TRAIN_BAD_ARGUMENT', `qcfsToSpiking: dt is ${String(dt)}; give the simulation time step in seconds (> 0, e.g. 0.001)`, { where: 'dt' });
  }
  if (!graph.nodes.some((n) => n.kind === 'neurons' && n.neuronType === 'QCFS')) {
    throw new SnnError('TRAIN_BAD_ARGUMENT', 'qcfsToSpiking: the graph has no QCFS neurons nodes; make one with toQcfs and fine-tune it first', { where: 'graph' });
  }
  const scale = Object.fromEntries(
    graph.nodes.flatMap((n) => (n.kind === 'neurons' && n.neuronType === 'QCFS' ? [[n.id, 1 / ((n.params?.threshold ?? 1) * dt)]] : [])),
  );
  return swapNeurons(scaleFiringRates(graph, scale), (node) =>
    Object.prototype.hasOwnProperty.call(scale, node.id) ? { neuronType, params: { initialVoltage: 0.5, amplitude: node.params!.amplitude } } : undefined,
  );
}
