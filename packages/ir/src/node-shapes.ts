import type { AffineNode, ConcatNode, DenseNode, GraphNode, NeuronsNode, Param, ReshapeNode, Shape } from './types.js';
import { irError } from './error-codes.js';
import { fmtShape, nodeLabel, plural } from './describe.js';
import { convShape, globalPoolShape, inputDesc, padShape, poolShape, upsampleShape } from './spatial-shapes.js';

/** One input of a node: the source id and its (already inferred) shape. */
export interface NodeInput {
  readonly id: string;
  readonly shape: Shape;
}

const size = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);
const sameShape = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Output shape of one (field-validated) node given its inputs, in edge order. Checks
 * the input count of the kind and that parameters fit the input shapes.
 */
export function inferNodeShape(node: GraphNode, inputs: readonly NodeInput[]): Shape {
  checkInputCount(node, inputs);
  const x = inputs[0];
  switch (node.kind) {
    case 'input':
      return [...node.shape];
    case 'dense':
      return denseShape(node, x);
    case 'conv':
      return convShape(node, x);
    case 'pool':
      return poolShape(node, x);
    case 'globalPool':
      return globalPoolShape(node, x);
    case 'add':
      for (const other of inputs.slice(1)) {
        if (!sameShape(other.shape, x.shape)) {
          throw irError(
            'IR_SHAPE_MISMATCH',
            node.id,
            `${nodeLabel(node)}: ${inputDesc(x)} but ${inputDesc(other)}; add needs inputs of one shape — reshape or pad them to match`,
          );
        }
      }
      return [...x.shape];
    case 'concat':
      return concatShape(node, inputs);
    case 'reshape':
      return reshapeShape(node, x);
    case 'affine':
      return affineShape(node, x);
    case 'pad':
      return padShape(node, x);
    case 'upsample':
      return upsampleShape(node, x);
    case 'neurons':
      return neuronsShape(node, x);
    case 'output':
      return [...x.shape];
  }
}

function checkInputCount(node: GraphNode, inputs: readonly NodeInput[]): void {
  const n = inputs.length;
  const names = n === 0 ? '' : ` (${inputs.map((i) => `'${i.id}'`).join(', ')})`;
  const fail = (want: string, fix: string): never => {
    throw irError('IR_BAD_INPUTS', node.id, `${nodeLabel(node)} has ${plural(n, 'input')}${names} but ${node.kind} takes ${want}; ${fix}`);
  };
  if (node.kind === 'input') {
    if (n !== 0) fail('none', 'input nodes are fed by data, remove the edges into it');
  } else if (node.kind === 'add' || node.kind === 'concat') {
    if (n < 1) fail('at least 1', 'connect its inputs with edges');
  } else if (n !== 1) {
    fail('exactly 1', n === 0 ? 'connect an input with an edge' : "combine the inputs first with an 'add' or 'concat' node");
  }
}

function denseShape(node: DenseNode, x: NodeInput): Shape {
  const ws = node.weights.shape;
  if (ws.length !== 2) {
    throw irError('IR_BAD_PARAM', node.id, `${nodeLabel(node)}: field 'weights' has shape ${fmtShape(ws)}; dense weights are 2-D [in, out]`);
  }
  const last = x.shape[x.shape.length - 1];
  if (ws[0] !== last) {
    throw irError(
      'IR_SHAPE_MISMATCH',
      node.id,
      `${nodeLabel(node)}: field 'weights' has shape ${fmtShape(ws)} but ${inputDesc(x)}; dense acts on the last axis, so weights must be [${last}, out] — transpose the weights or flatten the input first`,
    );
  }
  if (node.bias && (node.bias.shape.length !== 1 || node.bias.shape[0] !== ws[1])) {
    throw irError('IR_BAD_PARAM', node.id, `${nodeLabel(node)}: field 'bias' has shape ${fmtShape(node.bias.shape)}; expected [${ws[1]}] (one value per output unit)`);
  }
  return [...x.shape.slice(0, -1), ws[1]];
}

function concatShape(node: ConcatNode, inputs: readonly NodeInput[]): Shape {
  const x = inputs[0];
  const rank = x.shape.length;
  if (node.axis < -rank || node.axis >= rank) {
    throw irError(
      'IR_BAD_FIELD',
      node.id,
      `${nodeLabel(node)}: field 'axis' is ${node.axis} but ${inputDesc(x)} (rank ${rank}); use an axis in ${-rank}..${rank - 1} (the batch axis is not counted)`,
    );
  }
  const axis = node.axis < 0 ? node.axis + rank : node.axis;
  const out = [...x.shape];
  for (const other of inputs.slice(1)) {
    const agree = other.shape.length === rank && other.shape.every((d, i) => i === axis || d === x.shape[i]);
    if (!agree) {
      throw irError(
        'IR_SHAPE_MISMATCH',
        node.id,
        `${nodeLabel(node)}: ${inputDesc(x)} but ${inputDesc(other)}; concat along axis ${node.axis} needs equal ranks and equal sizes on every other axis`,
      );
    }
    out[axis] += other.shape[axis];
  }
  return out;
}

function reshapeShape(node: ReshapeNode, x: NodeInput): Shape {
  if (size(node.shape) !== size(x.shape)) {
    throw irError(
      'IR_SHAPE_MISMATCH',
      node.id,
      `${nodeLabel(node)}: field 'shape' is ${fmtShape(node.shape)} (${size(node.shape)} elements) but ${inputDesc(x)} (${size(x.shape)} elements); a reshape keeps the element count`,
    );
  }
  return [...node.shape];
}

function affineShape(node: AffineNode, x: NodeInput): Shape {
  const c = x.shape[x.shape.length - 1];
  for (const field of ['scale', 'bias'] as const) {
    const s = node[field].shape;
    if (!(s.length === 0 || (s.length === 1 && s[0] === c))) {
      throw irError(
        'IR_SHAPE_MISMATCH',
        node.id,
        `${nodeLabel(node)}: field '${field}' has shape ${fmtShape(s)} but ${inputDesc(x)}; affine acts on the last axis, so it must be [${c}] or a scalar []`,
      );
    }
  }
  return [...x.shape];
}

function neuronsShape(node: NeuronsNode, x: NodeInput): Shape {
  const n = size(x.shape);
  for (const field of ['gain', 'bias'] as const) {
    const p: Param | undefined = node[field];
    if (!p) continue;
    const s = p.shape;
    if (!(s.length === 0 || sameShape(s, x.shape) || (s.length === 1 && s[0] === n))) {
      throw irError(
        'IR_SHAPE_MISMATCH',
        node.id,
        `${nodeLabel(node)}: field '${field}' has shape ${fmtShape(s)} but ${inputDesc(x)} (${n} neurons); use a scalar [], ${fmtShape(x.shape)} or [${n}]`,
      );
    }
  }
  return [...x.shape];
}
