import type { LayerConverter } from '@snn/keras-import';

/**
 * Converter rule for a Keras layer class snn does not know, `SquaredReLU` (a custom
 * activation layer, `y = relu(x) ** 2`): one neurons node of the `SquaredReLU` type, named
 * after the layer, so that `--neuron-layer` and firing-rate options can address it.
 */
export const convertSquaredReLU: LayerConverter = (ctx) => {
  const amplitude: unknown = ctx.config.amplitude ?? 1;
  if (typeof amplitude !== 'number' || !Number.isFinite(amplitude) || amplitude < 0) return ctx.badConfig('amplitude', amplitude, 'a finite number >= 0');
  return ctx.neurons(ctx.input(), { kind: 'neurons', neuronType: 'SquaredReLU', params: { amplitude } }, ctx.id);
};
