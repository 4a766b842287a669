import { Option, type Command } from 'commander';
import type { ImportOptions } from '@snn/keras-import';
import { createNeuronRegistry } from '@snn/neurons';
import { collect, finiteNumber, nameEqualsNumber, positiveNumber } from './numbers.js';
import { UsageError } from './usage-error.js';

/** The conversion flags as commander parses them. */
export interface ConversionFlags {
  readonly scale?: number;
  readonly scaleLayer?: Readonly<Record<string, number>>;
  readonly synapse?: number;
  readonly neuron?: readonly string[];
  readonly inputScale?: number;
  readonly inputOffset?: number;
  readonly maxToAvgPool?: boolean;
  readonly inferenceOnly?: boolean;
  readonly architecture?: string;
}

/** Names of the flags {@link addConversionFlags} adds, as commander stores them. */
export const CONVERSION_FLAG_KEYS = ['scale', 'scaleLayer', 'synapse', 'neuron', 'inputScale', 'inputOffset', 'maxToAvgPool', 'inferenceOnly', 'architecture'] as const;

/** Add the Keras conversion flags (NengoDL Converter options, spec §5) to a command. */
export function addConversionFlags(command: Command): Command {
  return command
    .optionsGroup('Conversion flags (Keras models; NengoDL Converter options):')
    .addOption(new Option('--scale <S>', 'multiply every neuron layer\'s firing rates by S (gain x S, amplitude / S)').argParser(positiveNumber).conflicts('scaleLayer'))
    .addOption(new Option('--scale-layer <NAME=S>', 'scale the firing rates of Keras layer NAME by S (repeatable)').argParser(nameEqualsNumber))
    .addOption(new Option('--synapse <TAU>', 'lowpass synapse with time constant TAU seconds on every edge leaving a neuron layer').argParser(positiveNumber))
    .addOption(
      new Option('--neuron <TYPE>', 'neuron type for the ReLU layers (e.g. SpikingRectifiedLinear, LIF), or FROM=TO to swap another activation or neuron type (repeatable)').argParser(collect),
    )
    .addOption(new Option('--input-scale <X>', 'the model sees input x * X + Y (Keras files do not record input scaling; default 1)').argParser(finiteNumber))
    .addOption(new Option('--input-offset <Y>', 'see --input-scale (default 0)').argParser(finiteNumber))
    .option('--max-to-avg-pool', 'replace max pooling by average pooling (for spiking neurons)')
    .option('--inference-only', 'allow what only inference can represent (e.g. trainable batch normalization)')
    .option('--architecture <FILE>', 'architecture JSON (model.to_json()) for a weights-only .h5 file')
    .optionsGroup('Options:');
}

/** True when any conversion flag was given. */
export function hasConversionFlags(flags: ConversionFlags): boolean {
  return CONVERSION_FLAG_KEYS.some((k) => flags[k] !== undefined);
}

/** `--neuron` values as `swapActivations`: `TYPE` swaps ReLU (RectifiedLinear), `FROM=TO` swaps FROM. */
export function neuronSwaps(values: readonly string[]): Record<string, string> {
  const registry = createNeuronRegistry();
  const swaps: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const from = at >= 0 ? value.slice(0, at) : 'RectifiedLinear';
    const to = at >= 0 ? value.slice(at + 1) : value;
    if (from === '' || !registry.has(to)) {
      throw new UsageError(`--neuron '${value}': give a neuron type (${registry.names().join(', ')}) or FROM=TO with one of them as TO`);
    }
    swaps[from] = to;
  }
  return swaps;
}

/** The import options the flags ask for. */
export function importOptions(flags: ConversionFlags): ImportOptions {
  return {
    ...(flags.scale !== undefined ? { scaleFiringRates: flags.scale } : flags.scaleLayer !== undefined ? { scaleFiringRates: flags.scaleLayer } : {}),
    ...(flags.synapse !== undefined ? { synapse: flags.synapse } : {}),
    ...(flags.neuron !== undefined ? { swapActivations: neuronSwaps(flags.neuron) } : {}),
    ...(flags.inputScale !== undefined ? { inputScale: flags.inputScale } : {}),
    ...(flags.inputOffset !== undefined ? { inputOffset: flags.inputOffset } : {}),
    ...(flags.maxToAvgPool ? { maxToAvgPool: true } : {}),
    ...(flags.inferenceOnly ? { inferenceOnly: true } : {}),
  };
}
