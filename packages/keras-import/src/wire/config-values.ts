import { kerasError, show } from '../errors.js';
import type { KerasDim, KerasLayerConfigJson, KerasLayerJson } from './types.js';

/** How messages name a layer: `layer 'conv2d_1' (Conv2D)`. */
export function layerLabel(name: string, className: string): string {
  return `layer '${name}' (${className})`;
}

/** The layer's config object (an empty one when absent, so field reads stay simple). */
export function configOf(layer: KerasLayerJson): KerasLayerConfigJson {
  const c = layer.config as unknown;
  return (typeof c === 'object' && c !== null && !Array.isArray(c) ? c : { name: layer.name ?? '' }) as KerasLayerConfigJson;
}

/** The layer's name: `config.name`, else the entry's `name`. */
export function nameOf(layer: KerasLayerJson): string | undefined {
  const c = configOf(layer);
  if (typeof c.name === 'string' && c.name !== '') return c.name;
  return typeof layer.name === 'string' ? layer.name : undefined;
}

/**
 * An integer tuple option (`kernel_size`, `strides`, `pool_size`, ...): Keras accepts one
 * int for every axis or a list with one int per axis. Returns `fallback` when absent.
 */
export function intTuple(value: unknown, n: number, field: string, where: string, fallback?: readonly number[]): number[] {
  if (value === undefined || value === null) {
    if (fallback !== undefined) return [...fallback];
    throw badField(where, field, value, `${n === 1 ? 'an integer' : `an integer or a list of ${n} integers`}`);
  }
  const list = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (list === undefined || list.length !== n || !list.every((v) => Number.isInteger(v) && (v as number) >= 0)) {
    throw badField(where, field, value, n === 1 ? 'an integer (or a list of one)' : `an integer or a list of ${n} integers`);
  }
  return list as number[];
}

/** A number option; `fallback` when absent. */
export function num(value: unknown, field: string, where: string, fallback?: number): number {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw badField(where, field, value, 'a finite number');
}

/** `KERAS_BAD_CONFIG`: field `field` of `where` has `value`, expected `expected`. */
export function badField(where: string, field: string, value: unknown, expected: string): Error {
  return kerasError('KERAS_BAD_CONFIG', where, `${where}: config field '${field}' is ${show(value)}, expected ${expected}; the model JSON is damaged or from an unsupported Keras version`);
}

/**
 * The batchless input shape a layer declares, from Keras 2 `batch_input_shape`, Keras 3
 * `batch_shape`, `input_shape`, Dense's `input_dim`, or Keras 3 `build_config.input_shape`.
 */
export function declaredInputShape(layer: KerasLayerJson): readonly KerasDim[] | undefined {
  const c = configOf(layer);
  const batched = c.batch_input_shape ?? c.batch_shape;
  if (Array.isArray(batched)) return batched.slice(1);
  if (Array.isArray(c.input_shape)) return c.input_shape;
  if (Array.isArray(c.shape)) return c.shape as KerasDim[];
  if (typeof c.input_dim === 'number') return [c.input_dim];
  const built = layer.build_config?.input_shape;
  if (Array.isArray(built) && (built.length === 0 || !Array.isArray(built[0]))) return (built as KerasDim[]).slice(1);
  return undefined;
}
