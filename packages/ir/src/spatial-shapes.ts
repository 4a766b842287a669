import type { ConvNode, GlobalPoolNode, PadNode, Padding, PoolNode, Shape, UpsampleNode } from './types.js';
import type { NodeInput } from './node-shapes.js';
import { irError } from './error-codes.js';
import { fmtShape, nodeLabel, preview } from './describe.js';
import { convOutputSize } from './conv-size.js';

/** `input 'x' has shape [28, 28, 1]` */
export function inputDesc(input: NodeInput): string {
  return `input '${input.id}' has shape ${fmtShape(input.shape)}`;
}

/** Throw unless `input` has a channels-last shape with `min..max` spatial axes; returns the count. */
function spatialAxes(node: { id: string; kind: string }, input: NodeInput, min = 1, max = Infinity): number {
  const n = input.shape.length - 1;
  if (n < min || n > max) {
    const want = max === Infinity ? `at least ${min} spatial axis plus channels, e.g. (L, C) or (H, W, C)` : max === 1 ? '(L, C)' : '(L, C) or (H, W, C)';
    throw irError(
      'IR_SHAPE_MISMATCH',
      node.id,
      `${nodeLabel(node)}: ${inputDesc(input)} but ${node.kind} needs a channels-last input ${want}; reshape the input first`,
    );
  }
  return n;
}

function perAxis(node: { id: string; kind: string }, field: string, value: readonly unknown[], nSpatial: number, input: NodeInput): void {
  if (value.length !== nSpatial) {
    throw irError(
      'IR_SHAPE_MISMATCH',
      node.id,
      `${nodeLabel(node)}: field '${field}' is ${preview(value)} (${value.length} entries) but ${inputDesc(input)}, which has ${nSpatial} spatial ${nSpatial === 1 ? 'axis' : 'axes'}; give one entry per spatial axis`,
    );
  }
}

function spatialOut(
  node: ConvNode | PoolNode,
  input: NodeInput,
  window: readonly number[],
  dilation: readonly number[] | undefined,
  padding: Padding,
): number[] {
  const n = input.shape.length - 1;
  perAxis(node, 'strides', node.strides, n, input);
  if (typeof padding !== 'string') perAxis(node, 'padding', padding, n, input);
  if (dilation) perAxis(node, 'dilation', dilation, n, input);
  const out: number[] = [];
  for (let a = 0; a < n; a++) {
    const k = (window[a] - 1) * (dilation?.[a] ?? 1) + 1;
    const pad = typeof padding === 'string' ? padding : padding[a];
    const size = convOutputSize(input.shape[a], k, node.strides[a], pad);
    if (size < 1) {
      throw irError(
        'IR_SHAPE_MISMATCH',
        node.id,
        `${nodeLabel(node)}: window ${k} does not fit spatial axis ${a} of size ${input.shape[a]} with padding ${preview(pad)} (${inputDesc(input)}); use a smaller window, padding 'same', or a larger input`,
      );
    }
    out.push(size);
  }
  return out;
}

/** conv: kernel (kh, kw, cIn/groups, cOut) on (H, W, C) or (k, cIn/groups, cOut) on (L, C). */
export function convShape(node: ConvNode, input: NodeInput): Shape {
  const label = nodeLabel(node);
  const n = spatialAxes(node, input, 1, 2);
  const ks = node.kernel.shape;
  const layout = n === 2 ? '(kh, kw, cIn/groups, cOut)' : '(k, cIn/groups, cOut)';
  if (ks.length !== n + 2) {
    throw irError(
      'IR_BAD_PARAM',
      node.id,
      `${label}: field 'kernel' has shape ${fmtShape(ks)} but ${inputDesc(input)} (${n}-D), so the kernel must be ${layout}; fix the kernel layout`,
    );
  }
  const groups = node.groups ?? 1;
  const cIn = input.shape[n];
  if (cIn % groups !== 0) {
    throw irError('IR_SHAPE_MISMATCH', node.id, `${label}: field 'groups' is ${groups} but ${inputDesc(input)}, whose ${cIn} channels are not divisible by it; pick groups dividing ${cIn}`);
  }
  if (ks[n] !== cIn / groups) {
    throw irError(
      'IR_SHAPE_MISMATCH',
      node.id,
      `${label}: field 'kernel' has shape ${fmtShape(ks)} but ${inputDesc(input)}; kernel axis ${n} must be cIn/groups = ${cIn / groups}, got ${ks[n]} — fix the kernel or connect the right input`,
    );
  }
  const cOut = ks[n + 1];
  if (cOut % groups !== 0) {
    throw irError('IR_BAD_PARAM', node.id, `${label}: field 'kernel' has ${cOut} output channels, not divisible by groups = ${groups}`);
  }
  if (node.bias && (node.bias.shape.length !== 1 || node.bias.shape[0] !== cOut)) {
    throw irError('IR_BAD_PARAM', node.id, `${label}: field 'bias' has shape ${fmtShape(node.bias.shape)}; expected [${cOut}] (one value per output channel)`);
  }
  return [...spatialOut(node, input, ks.slice(0, n), node.dilation, node.padding), cOut];
}

/** pool: window and strides per spatial axis; channels unchanged. */
export function poolShape(node: PoolNode, input: NodeInput): Shape {
  const n = spatialAxes(node, input);
  perAxis(node, 'window', node.window, n, input);
  return [...spatialOut(node, input, node.window, undefined, node.padding), input.shape[n]];
}

/** globalPool: (..., C) -> (C). */
export function globalPoolShape(node: GlobalPoolNode, input: NodeInput): Shape {
  const n = spatialAxes(node, input);
  return [input.shape[n]];
}

/** pad: adds before + after to each spatial axis. */
export function padShape(node: PadNode, input: NodeInput): Shape {
  const n = spatialAxes(node, input);
  perAxis(node, 'padding', node.padding, n, input);
  return input.shape.map((d, a) => (a < n ? d + node.padding[a][0] + node.padding[a][1] : d));
}

/** upsample: multiplies each spatial axis by its factor. */
export function upsampleShape(node: UpsampleNode, input: NodeInput): Shape {
  const n = spatialAxes(node, input);
  perAxis(node, 'size', node.size, n, input);
  return input.shape.map((d, a) => (a < n ? d * node.size[a] : d));
}
