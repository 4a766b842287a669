import { SnnError, scaleFiringRates, setSynapses, swapNeurons, type Graph, type NeuronsNode, type SynapseSpec } from '@snn/ir';
import { resolveParams, type NeuronType } from '@snn/neurons';
import type { CompileOptions, SimInputs } from '../options.js';
import { measureActivations, type ActivationSummary } from './activations.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions extends Pick<CompileOptions, 'neurons' | 'synapses' | 'batchSize'> {
  /**
   * Percentile (0 < p <= 100) of each layer's positive ANN activations that is mapped to one
   * spike per step (default 99.9: the largest activations, often outliers, are clipped).
   */
  readonly percentile?: number;
  /**
   * Take the percentile over all activations, zeros included (SpikingJelly's rule), instead of
   * over the positive ones (SNN Toolbox's). With many silent neurons this gives a lower
   * threshold: more spikes per value, finer resolution, higher rates. Default false.
   */
  readonly includeZeros?: boolean;
  /**
   * Rate (Hz) the percentile activation λ becomes (default 1/dt: one spike per step). Must be
   * below the spiking type's `maxRateHz(dt)` where it declares one (e.g. Loihi's, 1/dt).
   */
  readonly maxRateHz?: number;
  /** Upper bound on each layer's mean firing rate (Hz); layers above it get a smaller scale. */
  readonly targetRateHz?: number;
  /** Spiking type the ReLU-family layers become (default `IntegrateAndFire`); its rates must be ReLU's. */
  readonly neuronType?: string;
  /** Initial voltage for types that have an `initialVoltage` parameter (default: the type's default, 0.5 for IntegrateAndFire). */
  readonly initialVoltage?: number;
  /** Synapse on every edge leaving a neurons node after calibration (default none: `null` removes existing ones). */
  readonly synapse?: SynapseSpec | null;
  /** Time step the network will run at (s, default 0.001). */
  readonly dt?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** How one layer was calibrated. */
export interface LayerCalibration {
  readonly node: string;
  /** Neuron type before and after. */
  readonly fromType: string;
  readonly neuronType: string;
  /** Output value mapped to one spike per step: the activation percentile, or a QCFS threshold. */
  readonly threshold: number;
  /** Mean ANN activation on the calibration data. */
  readonly meanActivation: number;
  /** Firing-rate scale applied (gain x scale, amplitude / scale). */
  readonly scale: number;
  /** Mean firing rate the layer will have on data like the calibration data (Hz). */
  readonly expectedRateHz: number;
  /** What set the scale. */
  readonly limitedBy: 'percentile' | 'threshold' | 'targetRate' | 'silent';
}

/** A calibrated network and how it was made. */
export interface Calibration {
  /** The spiking network (a new graph; the input is untouched). Read its output as the mean over time. */
  readonly graph: Graph;
  readonly layers: readonly LayerCalibration[];
  /** Samples the activations were measured on. */
  readonly samples: number;
  /** Things the user should know (silent layers, ...). */
  readonly notes: readonly string[];
}

/**
 * Convert a rate network (ReLU-family neuron layers) into an accurate spiking network by
 * data-based normalization: run the ANN on `inputs`, take each layer's `percentile` of
 * positive activations λ, and scale its firing rates so that λ is one spike per step
 * (scale = amplitude / (λ dt)), or `maxRateHz` (scale = amplitude maxRateHz / λ), lowered where a layer's mean rate would pass `targetRateHz`.
 * QCFS layers use their trained threshold as λ and keep its clip (at most one spike per
 * step, where the spiking type has `maxSpikesPerStep`). Each layer becomes `neuronType`
 * (IntegrateAndFire: signed integration, reset by subtraction, half-threshold start).
 * The result reads best as the mean output over all steps (`metadata.readout: 'mean'`).
 */
export function calibrate(graph: Graph, inputs: SimInputs, options: CalibrateOptions): Calibration {
  const dt = options.dt ?? 0.001;
  const percentile = options.percentile ?? 99.9;
  if (!(percentile > 0 && percentile <= 100)) {
    throw new SnnError('SIM_BAD_ARGUMENT', `calibrate: percentile ${percentile} is outside (0, 100]; give e.g. 99.9 (100 maps the largest activation to one spike per step)`, { where: 'percentile' });
  }
  const target = options.targetRateHz;
  if (target !== undefined && !(target > 0 && target < 1 / dt)) {
    throw new SnnError(
      'SIM_BAD_ARGUMENT',
      `calibrate: target rate ${target} Hz cannot be reached: a calibrated layer fires below one spike per neuron per step on average, i.e. below 1/dt = ${+(1 / dt).toPrecision(6)} Hz; give a rate in (0, ${+(1 / dt).toPrecision(6)})`,
      { where: 'targetRateHz' },
    );
  }
  const toType = options.neurons.get(options.neuronType ?? 'IntegrateAndFire', 'calibrate neuronType');
  if (!toType.spiking || !reluFamily(toType)) {
    throw new SnnError('SIM_BAD_ARGUMENT', `calibrate: neuronType '${toType.name}' is not a spiking type with ReLU rates; use IntegrateAndFire, SpikingRectifiedLinear or a type that approximates RectifiedLinear (e.g. LoihiSpikingRectifiedLinear)`, { where: 'neuronType' });
  }
  const maxRate = options.maxRateHz ?? 1 / dt;
  if (!(maxRate > 0 && Number.isFinite(maxRate))) {
    throw new SnnError('SIM_BAD_ARGUMENT', `calibrate: max rate ${maxRate} Hz is not a positive rate; give e.g. ${+(1 / dt).toPrecision(6)} (one spike per step)`, { where: 'maxRateHz' });
  }
  if (options.initialVoltage !== undefined) {
    if (!('initialVoltage' in toType.params)) {
      throw new SnnError('SIM_BAD_ARGUMENT', `calibrate: neuronType '${toType.name}' has no initialVoltage parameter (its initial state is its own); use IntegrateAndFire or leave initialVoltage out`, { where: 'initialVoltage' });
    }
    try {
      resolveParams(toType, { initialVoltage: options.initialVoltage }, 'calibrate initialVoltage');
    } catch (e) {
      throw new SnnError('SIM_BAD_ARGUMENT', `calibrate: initialVoltage ${options.initialVoltage} is not allowed for ${toType.name}: ${(e as Error).message}`, { where: 'initialVoltage', cause: e });
    }
  }
  const layers = graph.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons');
  if (layers.length === 0) {
    throw new SnnError('SIM_NO_NEURONS', 'calibrate: the network has no neuron layers, so there are no firing rates to calibrate; give an ANN with ReLU layers (e.g. a converted Keras model)', { where: 'graph' });
  }
  const types = layers.map((node) => options.neurons.get(node.neuronType, `node '${node.id}'`));
  layers.forEach((node, i) => {
    const type = types[i];
    if (!reluFamily(type) && !isQcfs(type)) {
      throw new SnnError(
        'SIM_UNSUPPORTED',
        `calibrate: node '${node.id}' has neuron type ${node.neuronType}; calibration converts ReLU-family layers (RectifiedLinear, SpikingRectifiedLinear, IntegrateAndFire, QCFS). Swap it to RectifiedLinear and retrain, or convert this network by hand (swapNeurons, scaleFiringRates)`,
        { where: node.id },
      );
    }
  });
  if (options.maxRateHz !== undefined) checkMaxRate(options.maxRateHz, toType, layers[0]!.id, dt);
  const stats = measureActivations(graph, inputs, { ...options, nodes: layers.map((n) => n.id) });
  const notes: string[] = [];
  const plans = layers.map((node, i) => planLayer(node, stats[i], types[i], toType, percentile, options.includeZeros === true, target, maxRate, notes));
  const byId = new Map(plans.map((p) => [p.node, p]));
  const initialVoltage = options.initialVoltage;
  let g = swapNeurons(graph, (node) => {
    const plan = byId.get(node.id);
    if (!plan) return undefined;
    const amplitude = node.params?.amplitude;
    const params: Record<string, number> = amplitude !== undefined && amplitude !== 1 ? { amplitude } : {};
    if (initialVoltage !== undefined && 'initialVoltage' in toType.params) params.initialVoltage = initialVoltage;
    // QCFS clips at its threshold, i.e. at one spike per step: keep that clip where the spiking type can
    if (plan.limitedBy === 'threshold' && 'maxSpikesPerStep' in toType.params && options.maxRateHz === undefined) params.maxSpikesPerStep = 1;
    return { neuronType: toType.name, params };
  });
  g = scaleFiringRates(g, Object.fromEntries(plans.map((p) => [p.node, p.scale])));
  g = setSynapses(g, options.synapse ?? null);
  const calibration = {
    percentile,
    ...(options.includeZeros ? { includeZeros: true } : {}),
    samples: stats[0]?.samples ?? 0,
    ...(target !== undefined ? { targetRateHz: target } : {}),
    ...(options.maxRateHz !== undefined ? { maxRateHz: options.maxRateHz } : {}),
    neuronType: toType.name,
    dt,
    layers: Object.fromEntries(plans.map((p) => [p.node, { threshold: p.threshold, scale: p.scale, expectedRateHz: p.expectedRateHz, limitedBy: p.limitedBy }])),
  };
  return { graph: { ...g, metadata: { ...(g.metadata ?? {}), calibration, readout: 'mean' } }, layers: plans, samples: calibration.samples, notes };
}

function planLayer(
  node: NeuronsNode,
  stats: ActivationSummary,
  type: NeuronType,
  toType: NeuronType,
  percentile: number,
  includeZeros: boolean,
  target: number | undefined,
  maxRate: number,
  notes: string[],
): LayerCalibration {
  const amplitude = node.params?.amplitude ?? 1;
  const qcfs = isQcfs(type);
  const threshold = qcfs ? amplitude * (node.params?.threshold ?? type.params.threshold.default) : stats.percentile(percentile, { includeZeros });
  const base = { node: node.id, fromType: node.neuronType, neuronType: toType.name, meanActivation: stats.mean };
  if (!(threshold > 0) || !(stats.mean > 0)) {
    notes.push(`node '${node.id}' was silent on all ${stats.samples} calibration samples; its firing rates are left unscaled`);
    return { ...base, threshold: 0, scale: 1, expectedRateHz: 0, limitedBy: 'silent' };
  }
  // `maxRate` (default one spike per step, 1/dt Hz) carries `threshold`: spikes/s = scale * output / amplitude
  let scale = (amplitude * maxRate) / threshold;
  let limitedBy: LayerCalibration['limitedBy'] = qcfs ? 'threshold' : 'percentile';
  if (target !== undefined && (scale * stats.mean) / amplitude > target) {
    scale = (target * amplitude) / stats.mean;
    limitedBy = 'targetRate';
  }
  return { ...base, threshold, scale, expectedRateHz: (scale * stats.mean) / amplitude, limitedBy };
}

/**
 * Refuse a max rate at or above what `type` can fire (its `maxRateHz`), in Nengo's words for
 * rates a neuron cannot reach (`LIF.gain_bias`: "Max rates must be below the inverse refractory
 * period"), naming the first layer calibrated.
 */
function checkMaxRate(maxRate: number, type: NeuronType, layer: string, dt: number): void {
  const cap = type.maxRateHz?.(dt, resolveParams(type, {}, 'calibrate neuronType'));
  if (cap === undefined || maxRate < cap) return;
  const what = Math.abs(cap * dt - 1) < 1e-9 ? 'the inverse time step' : `${type.name}'s highest rate`;
  throw new SnnError(
    'SIM_BAD_ARGUMENT',
    `${layer}: Max rates must be below ${what} (${cap.toFixed(3)}): a ${type.name} neuron spikes at most once per step; lower the max rate (${maxRate} Hz) below ${+cap.toPrecision(6)} Hz, i.e. the firing-rate scale`,
    { where: 'maxRateHz' },
  );
}

/** A type whose rates are RectifiedLinear's (it is RectifiedLinear, trains through it, or approximates it). */
function reluFamily(type: NeuronType): boolean {
  return type.name === 'RectifiedLinear' || type.surrogate?.type === 'RectifiedLinear' || type.approximates === 'RectifiedLinear';
}

/** The quantization-clip-floor-shift activation (Bu et al. 2022): its trained threshold is the layer's λ. */
function isQcfs(type: NeuronType): boolean {
  return type.name === 'QCFS' && 'threshold' in type.params;
}
