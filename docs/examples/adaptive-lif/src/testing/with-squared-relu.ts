import type { KerasModelJson } from '@snn/keras-import';

/**
 * A copy of a Keras `Sequential` architecture in which layer `layer`'s activation becomes a
 * separate custom `SquaredReLU` layer (its own activation set to linear): how a model with a
 * custom activation layer looks to snn. For tests and the guide; the input is not changed.
 */
export function withSquaredReLU(model: KerasModelJson, layer: string): KerasModelJson {
  const config = model.config as { layers?: Array<{ class_name: string; config: Record<string, unknown> }> };
  if (model.class_name !== 'Sequential' || !Array.isArray(config.layers)) throw new Error(`withSquaredReLU: expected a Sequential model, got ${model.class_name}`);
  const at = config.layers.findIndex((l) => l.config.name === layer);
  if (at < 0) throw new Error(`withSquaredReLU: the model has no layer '${layer}'`);
  const layers = config.layers.map((l) => ({ ...l, config: { ...l.config } }));
  layers[at].config.activation = 'linear';
  layers.splice(at + 1, 0, { class_name: 'SquaredReLU', config: { name: `${layer}_squared_relu`, trainable: true } });
  return { ...model, config: { ...config, layers } } as KerasModelJson;
}
