import type { NeuronsNode, Param, Shape } from '@snn/ir';
import { nirError } from './error-codes.js';
import type { ExportNirOptions } from './export-options.js';
import { f32, type Hdf5Dataset } from './hdf5-tree.js';
import { nirShape, toNirOrder } from './layout.js';
import { filled, type NirBuilder, type NirValue } from './nir-builder.js';
import { INITIAL_VOLTAGE_KEY, UNCLAMPED_LIMIT } from './nir-version.js';

/**
 * Export a spiking population. snn's current is `J = gain * x + bias` with threshold 1 and
 * reset to 0; NIR's IF is `dv/dt = r I`, its LIF `tau dv/dt = (v_leak - v) + r I`, both with
 * `v_threshold` and `v_reset`. So `r = gain`, `v_leak = bias` (LIF), `v_threshold = 1`,
 * `v_reset = 0`, `tau = tauRc`. A NIR spike is a unit impulse; snn's has area `amplitude`,
 * so `amplitude != 1` adds a Scale node after the neurons.
 */
export function exportNeurons(b: NirBuilder, node: NeuronsNode, x: NirValue, shape: Shape, options: ExportNirOptions): NirValue {
  const p = node.params ?? {};
  const ns = nirShape(shape);
  const perNeuron = (param: Param | undefined, dflt: number): Hdf5Dataset => {
    const n = shape.reduce((a, v) => a * v, 1);
    const data = param === undefined ? new Float32Array(n).fill(dflt) : param.data.length === 1 ? new Float32Array(n).fill(param.data[0]) : param.data;
    return f32(toNirOrder(data, shape, x.perm), ns);
  };
  const lossy = (param: string, why: string): void => {
    const message = `neurons '${node.id}' (${node.neuronType}): ${why}`;
    if (!options.approximate) throw nirError('NIR_UNMAPPABLE_PARAM', node.id, `${message}; change the parameter, or export with approximate: true (--nir-approximate) to write the nearest NIR node`);
    options.onWarning?.(`${message}; written without ${param}`);
  };
  let id: string;
  if (node.neuronType === 'IntegrateAndFire') {
    if (node.bias !== undefined && node.bias.data.some((v) => v !== 0)) {
      throw nirError('NIR_UNMAPPABLE_PARAM', node.id, `neurons '${node.id}' (IntegrateAndFire) has a bias current; NIR's IF has none — move the bias into the preceding dense or conv`);
    }
    if (p.maxSpikesPerStep !== undefined && Number.isFinite(p.maxSpikesPerStep)) lossy('maxSpikesPerStep', `maxSpikesPerStep = ${p.maxSpikesPerStep} caps spikes per time step, a discrete-time limit NIR's IF does not have`);
    const metadata = { [INITIAL_VOLTAGE_KEY]: p.initialVoltage ?? 0.5 };
    id = b.node(node.id, 'IF', { r: perNeuron(node.gain, 1), v_threshold: filled(1, ns), v_reset: filled(0, ns) }, metadata);
  } else if (node.neuronType === 'LIF') {
    if ((p.tauRef ?? 0.002) !== 0) lossy('tauRef', `refractory period tauRef = ${p.tauRef ?? 0.002} s; NIR's LIF has none`);
    if ((p.minVoltage ?? 0) > UNCLAMPED_LIMIT) lossy('minVoltage', `the voltage is clamped at minVoltage = ${p.minVoltage ?? 0}; NIR's LIF never clamps (minVoltage: -3.4e38 means no clamp)`);
    id = b.node(node.id, 'LIF', {
      tau: filled(p.tauRc ?? 0.02, ns),
      r: perNeuron(node.gain, 1),
      v_leak: perNeuron(node.bias, 0),
      v_threshold: filled(1, ns),
      v_reset: filled(0, ns),
    });
  } else {
    throw nirError(
      'NIR_UNMAPPABLE_NODE',
      node.id,
      `neurons '${node.id}' are ${node.neuronType}, which has no NIR node; NIR has IF (snn IntegrateAndFire) and LIF (snn LIF) — swap the neuron type first (--neuron IntegrateAndFire)`,
    );
  }
  b.edge(x.nir, id);
  const amplitude = p.amplitude ?? 1;
  if (amplitude === 1) return { nir: id, shape, perm: x.perm };
  const scale = b.node(`${node.id}.amplitude`, 'Scale', { scale: filled(amplitude, ns) });
  b.edge(id, scale);
  return { nir: scale, shape, perm: x.perm };
}
