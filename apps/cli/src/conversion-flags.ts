import { Option, type Command } from 'commander';
import type { ImportOptions } from '@snn/keras-import';
import { cliImportExtensions, cliNeuronRegistry } from './registries.js';
import { collect, finiteNumber, nameEqualsNumber, positiveNumber } from './numbers.js';
import { UsageError } from './usage-error.js';

/** The conversion flags as commander parses them. */
export interface ConversionFlags {
  readonly scale?: number;
  readonly scaleLayer?: Readonly<Record<string, number>>;
  readonly synapse?: number;
  readonly synapseLayer?: Readonly<Record<string, number>>;
  readonly neuron?: readonly string[];
  readonly neuronLayer?: readonly string[];
  readonly inputScale?: number;
  readonly inputOffset?: number;
  readonly maxToAvgPool?: boolean;
  readonly inferenceOnly?: boolean;
  readonly architecture?: string;
}

/** Names of the flags that change a graph (all of {@link ConversionFlags} but `--architecture` and the no-op `--inference-only`). */
export const CONVERSION_FLAG_KEYS = ['scale', 'scaleLayer', 'synapse', 'synapseLayer', 'neuron', 'neuronLayer', 'inputScale', 'inputOffset', 'maxToAvgPool'] as const;

/** Add the conversion flags (NengoDL Converter options, spec §5) to a command. */
export function addConversionFlags(command: Command): Command {
  return command
    .optionsGroup('Conversion flags (any model: Keras files and .snn networks; NengoDL Converter options):')
    .addOption(new Option('--scale <S>', 'multiply every neuron layer\'s firing rates by S (gain x S, amplitude / S)').argParser(positiveNumber).conflicts('scaleLayer'))
    .addOption(new Option('--scale-layer <NAME=S>', 'scale the firing rates of Keras layer or neurons node NAME by S (repeatable)').argParser(nameEqualsNumber))
    .addOption(new Option('--synapse <TAU>', 'lowpass synapse with time constant TAU seconds on every edge leaving a neuron layer').argParser(positiveNumber))
    .addOption(
      new Option('--synapse-layer <NAME=TAU>', 'lowpass synapse on the edges leaving Keras layer NAME\'s neurons (or node NAME), after --synapse (repeatable)').argParser(nameEqualsNumber),
    )
    .addOption(
      new Option('--neuron <TYPE>', 'neuron type for the ReLU layers (e.g. SpikingRectifiedLinear, LIF), or FROM=TO to swap another activation or neuron type (repeatable)').argParser(collect),
    )
    .addOption(new Option('--neuron-layer <NAME=TYPE>', 'neuron type for Keras layer or neurons node NAME, over --neuron (repeatable)').argParser(collect))
    .addOption(new Option('--input-scale <X>', 'the model sees input x * X + Y (Keras files do not record input scaling; default 1)').argParser(finiteNumber))
    .addOption(new Option('--input-offset <Y>', 'see --input-scale (default 0)').argParser(finiteNumber))
    .option('--max-to-avg-pool', 'replace max pooling by average pooling (for spiking neurons)')
    .option('--inference-only', 'no longer needed: trainable batch normalization, regularizers and constraints always convert for inference, with a note')
    .option('--architecture <FILE>', 'architecture JSON (model.to_json()) for a weights-only Keras .h5 file')
    .optionsGroup('Options:');
}

/** True when any flag that changes a graph was given. */
export function hasConversionFlags(flags: ConversionFlags): boolean {
  return CONVERSION_FLAG_KEYS.some((k) => flags[k] !== undefined);
}

/** `--neuron` values as `swapActivations`: `TYPE` swaps ReLU (RectifiedLinear), `FROM=TO` swaps FROM. */
export function neuronSwaps(values: readonly string[]): Record<string, string> {
  const swaps: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    swaps[at >= 0 ? value.slice(0, at) : 'RectifiedLinear'] = neuronType(at >= 0 ? value.slice(at + 1) : value, at === 0, `--neuron '${value}'`, 'or FROM=TO with one of them as TO');
  }
  return swaps;
}

/** `--neuron-layer NAME=TYPE` values as `layerNeurons`. */
export function layerNeurons(values: readonly string[]): Record<string, string> {
  const byLayer: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    byLayer[value.slice(0, Math.max(at, 0))] = neuronType(value.slice(at + 1), at <= 0, `--neuron-layer '${value}'`, 'as NAME=TYPE');
  }
  return byLayer;
}

function neuronType(name: string, badName: boolean, flag: string, form: string): string {
  const registry = cliNeuronRegistry();
  if (badName || !registry.has(name)) throw new UsageError(`${flag}: give a neuron type (${registry.names().join(', ')}) ${form}`);
  return name;
}

/** The conversion options (Keras-named, as `@snn/keras-import` takes them) the flags ask for, with the `--plugin` types. */
export function importOptions(flags: ConversionFlags): ImportOptions {
  return {
    ...cliImportExtensions(),
    ...(flags.scale !== undefined ? { scaleFiringRates: flags.scale } : flags.scaleLayer !== undefined ? { scaleFiringRates: flags.scaleLayer } : {}),
    ...(flags.synapse !== undefined ? { synapse: flags.synapse } : {}),
    ...(flags.synapseLayer !== undefined ? { layerSynapses: flags.synapseLayer } : {}),
    ...(flags.neuron !== undefined ? { swapActivations: neuronSwaps(flags.neuron) } : {}),
    ...(flags.neuronLayer !== undefined ? { layerNeurons: layerNeurons(flags.neuronLayer) } : {}),
    ...(flags.inputScale !== undefined ? { inputScale: flags.inputScale } : {}),
    ...(flags.inputOffset !== undefined ? { inputOffset: flags.inputOffset } : {}),
    ...(flags.maxToAvgPool ? { maxToAvgPool: true } : {}),
  };
}
