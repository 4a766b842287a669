import type { GraphNode, NeuronsNode } from '@snn/ir';
import { kerasError, show } from '../errors.js';
import type { WeightStore } from '../formats/weight-store.js';
import { configOf, layerLabel } from '../wire/config-values.js';
import type { LayerCall } from '../wire/flat-model.js';
import { activationName, type ActivationMapper, type ActivationTarget } from './activation.js';
import type { ConverterOptions, LayerContext } from './context.js';
import type { GraphAssembly } from './graph-assembly.js';
import { pickWeights } from './pick-weights.js';
import type { TensorInfo } from './tensor.js';

/** Shared state of one conversion, handed to every layer context. */
export interface ConversionEnv {
  readonly assembly: GraphAssembly;
  readonly weights: WeightStore;
  readonly options: ConverterOptions;
  readonly activations: ActivationMapper;
  /** Weight paths already consumed (a second use means a shared layer). */
  readonly usedWeights: Set<string>;
  readonly warnings: string[];
  /** Entries of `metadata.inferenceOnly`, in layer order. */
  readonly inferenceOnly: InferenceOnlyEntry[];
}

/** One layer converted for inference only (`graph.metadata.inferenceOnly`; `snn train` refuses such graphs). */
export interface InferenceOnlyEntry {
  /** Keras layer name. */
  readonly layer: string;
  /** IR node that holds what was converted (after folding: the node it was folded into). */
  readonly node?: string;
  /** What was fixed or dropped, as a clause naming the layer. */
  readonly reason: string;
}

/** Build the {@link LayerContext} for one layer call. */
export function createLayerContext(call: LayerCall, inputs: readonly TensorInfo[], env: ConversionEnv): LayerContext {
  const config = configOf(call.layer);
  const label = layerLabel(call.name, call.className);
  const layer = { name: call.name, className: call.className };
  const unsupported = (field: string, value: unknown, detail: string): never => {
    throw kerasError('KERAS_UNSUPPORTED_OPTION', `${call.name}.${field}`, `${label}: option '${field}' = ${show(value)} is not supported: ${detail}`);
  };
  const neurons = (t: TensorInfo, target: Extract<ActivationTarget, { kind: 'neurons' }>, nodeId: string): TensorInfo => {
    if (t.softmax) unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${label}`);
    const node: NeuronsNode = { id: nodeId, kind: 'neurons', neuronType: target.neuronType, ...(target.params ? { params: { ...target.params } } : {}) };
    env.assembly.add(node, [t], layer);
    return { ...t, node: nodeId };
  };
  return {
    name: call.name,
    className: call.className,
    id: call.id,
    config,
    label,
    inputs,
    options: env.options,
    input: () => {
      if (inputs.length !== 1) {
        throw kerasError('KERAS_BAD_CONFIG', call.name, `${label} takes one input but is called with ${inputs.length}; the model JSON is damaged`);
      }
      return inputs[0];
    },
    addNode: (node: GraphNode, from) => env.assembly.add(node, from, layer),
    weights: (requests) => {
      const key = call.weightPath.join('/');
      if (env.usedWeights.has(key)) {
        throw kerasError(
          'KERAS_SHARED_LAYER',
          call.name,
          `Multiple applications of ${label} detected; a layer with weights can be converted only once — give each application its own layer`,
        );
      }
      env.usedWeights.add(key);
      return pickWeights(env.weights.layer(call.weightPath), requests, label, env.weights.fileName);
    },
    activate: (t, activation, nodeId) => {
      const name = activationName(activation);
      const target = env.activations.map(name, label);
      if (target.kind === 'identity') return t;
      if (target.kind === 'softmax') {
        if (t.flatOrder) unsupported('activation', 'softmax', 'softmax over a channels-first flattened vector');
        return { ...t, softmax: true };
      }
      return neurons(t, target, nodeId ?? `${call.id}/activation`);
    },
    neurons,
    dataFormat: (t) => {
      const df = config.data_format ?? 'channels_last';
      if (df !== 'channels_last' && df !== 'channels_first') unsupported('data_format', df, "use 'channels_last' or 'channels_first'");
      if (t.shape.length >= 2 && t.layout !== df) {
        unsupported('data_format', df, `its input is ${t.layout} data from the previous layer; mixing data formats in one model is not supported`);
      }
      return df;
    },
    unsupported,
    badConfig: (field, value, expected) => {
      throw kerasError('KERAS_BAD_CONFIG', `${call.name}.${field}`, `${label}: config field '${field}' is ${show(value)}, expected ${expected}; the model JSON is damaged or from an unsupported Keras version`);
    },
    warn: (message) => env.warnings.push(`${label}: ${message}`),
    inferenceOnly: (reason, node) => env.inferenceOnly.push({ layer: call.name, node: node ?? call.id, reason }),
  };
}
