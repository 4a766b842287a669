import * as tf from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';
import type { LossTerm } from '../losses/loss-spec.js';
import type { TrainableModel } from '../model/model.js';
import { gatherRows, toColumns, type Columns, type DataArray, type DataMap } from './data.js';

/** Inputs (by input node id) and targets (by probe id) checked against a model. */
export interface PreparedData {
  readonly inputs: ReadonlyMap<string, Columns>;
  readonly targets: ReadonlyMap<string, Columns>;
  readonly count: number;
}

function isArray(x: DataArray | DataMap): x is DataArray {
  return ArrayBuffer.isView(x) || ('shape' in x && 'data' in x && !ArrayBuffer.isView((x as DataMap).shape));
}

const sizeOf = (model: TrainableModel, id: string): number => model.shapes.get(id)!.reduce((a, b) => a * b, 1);

/**
 * Check inputs `x` (one array for a single-input model, or arrays by input id) and the
 * targets `y` of the loss terms (labels for classification terms, arrays of the probe's
 * size otherwise; terms with a constant `target` need none) against `model`.
 */
export function prepareData(model: TrainableModel, x: DataArray | DataMap, y: DataMap = {}, terms: readonly LossTerm[] = []): PreparedData {
  if (typeof x !== 'object' || x === null) throw new SnnError('TRAIN_BAD_DATA', `x must be an array of samples (e.g. Float32Array (batch x size)) or arrays by input node id; got ${x === null ? 'null' : typeof x}`, { where: 'x' });
  const byId: DataMap = isArray(x) ? oneInput(model, x) : x;
  const inputs = new Map<string, Columns>();
  for (const id of model.inputIds) {
    const value = byId[id];
    if (!value) throw new SnnError('TRAIN_MISSING_INPUT', `no data for input node '${id}'; pass x: { ${id}: array }`, { where: id });
    inputs.set(id, toColumns(value, sizeOf(model, id), `input '${id}'`));
  }
  for (const id of Object.keys(byId)) {
    if (!inputs.has(id)) throw new SnnError('TRAIN_BAD_DATA', `x has data for '${id}', which is not an input node; inputs: ${model.inputIds.join(', ')}`, { where: id });
  }
  const targets = new Map<string, Columns>();
  for (const term of terms) {
    if (!model.shapes.has(term.probe)) throw new SnnError('TRAIN_UNKNOWN_NODE', `loss on '${term.probe}', which is not a node of the graph`, { where: term.probe });
    const value = y[term.probe];
    if (value === undefined) {
      if (term.target !== undefined) continue;
      throw new SnnError('TRAIN_MISSING_TARGET', `no target for probe '${term.probe}'; pass y: { ${term.probe}: array } or a constant target in its loss spec`, { where: term.probe });
    }
    const cols = toColumns(value, term.classification ? 1 : sizeOf(model, term.probe), `target '${term.probe}'`);
    if (term.classification) checkLabels(cols, model.shapes.get(term.probe)!, term.probe);
    targets.set(term.probe, cols);
  }
  const counts = [...inputs.values(), ...targets.values()].map((c) => c.count);
  const count = counts[0] ?? 0;
  if (counts.some((c) => c !== count)) {
    const all = [...[...inputs].map(([k, c]) => `${k}: ${c.count}`), ...[...targets].map(([k, c]) => `${k}: ${c.count}`)];
    throw new SnnError('TRAIN_BAD_DATA', `inputs and targets have different numbers of samples (${all.join(', ')})`, { where: 'data' });
  }
  return { inputs, targets, count };
}

/** Labels must be integers in [0, classes), classes being the probe's last axis. */
function checkLabels(cols: Columns, shape: readonly number[], probe: string): void {
  const classes = shape[shape.length - 1];
  for (let i = 0; i < cols.count; i++) {
    const v = cols.data[i];
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new SnnError('TRAIN_BAD_DATA', `target '${probe}' sample ${i} has label ${v}; labels must be integers from 0 to ${classes - 1} (the probe's ${classes} classes)`, { where: probe });
    }
  }
}

function oneInput(model: TrainableModel, x: DataArray): DataMap {
  if (model.inputIds.length !== 1) {
    throw new SnnError('TRAIN_BAD_DATA', `the graph has ${model.inputIds.length} inputs (${model.inputIds.join(', ')}); pass x as { id: array }`, { where: 'x' });
  }
  return { [model.inputIds[0]]: x };
}

/** Tensors of the samples `indices`: inputs `[n, ...shape]`, labels int32 `[n]`, other targets `[n, ...shape]`. */
export function batchTensors(
  model: TrainableModel,
  data: PreparedData,
  indices: ArrayLike<number>,
  terms: readonly LossTerm[] = [],
): { inputs: Record<string, tf.Tensor>; targets: Record<string, tf.Tensor> } {
  const n = indices.length;
  const inputs: Record<string, tf.Tensor> = {};
  for (const [id, cols] of data.inputs) {
    inputs[id] = tf.tensor(gatherRows(cols, indices, new Float32Array(n * cols.perSample)), [n, ...model.shapes.get(id)!]);
  }
  const targets: Record<string, tf.Tensor> = {};
  for (const term of terms) {
    const cols = data.targets.get(term.probe);
    if (!cols) continue;
    const rows = gatherRows(cols, indices, new Float32Array(n * cols.perSample));
    targets[term.probe] = term.classification ? tf.tensor1d(Int32Array.from(rows), 'int32') : tf.tensor(rows, [n, ...model.shapes.get(term.probe)!]);
  }
  return { inputs, targets };
}
