import type { NodeKind } from './types.js';
import type { IrErrorCode } from './error-codes.js';
import { preview } from './describe.js';

/**
 * The fields of every node kind and their value types: the single description that
 * in-memory validation ({@link inferShapes}) and loading (`deserializeGraph`) both check,
 * and that serialization walks to find parameter arrays.
 */
export type FieldType =
  | 'param' // a Param (in memory) or a blob reference (serialized)
  | 'shape' // non-empty array of positive integers
  | 'posInts' // non-empty array of positive integers (strides, window, size, dilation)
  | 'padding' // 'valid' | 'same' | [[before, after], ...]
  | 'padPairs' // [[before, after], ...]
  | 'int' // any integer (concat axis)
  | 'posInt' // positive integer (groups)
  | 'number' // finite number
  | 'string' // non-empty string
  | 'poolOp' // 'avg' | 'max'
  | 'numberRecord' // { name: finite number }
  | 'boolean';

/** One field of a node kind. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly optional?: boolean;
}

const common = {
  id: { type: 'string' },
  kind: { type: 'string' },
  trainable: { type: 'boolean', optional: true },
} as const satisfies Record<string, FieldSpec>;

/** Fields per node kind, in the order they are written when serialized. */
export const NODE_FIELDS: Readonly<Record<NodeKind, Readonly<Record<string, FieldSpec>>>> = {
  input: { ...common, shape: { type: 'shape' } },
  dense: { ...common, weights: { type: 'param' }, bias: { type: 'param', optional: true } },
  conv: {
    ...common,
    kernel: { type: 'param' },
    bias: { type: 'param', optional: true },
    strides: { type: 'posInts' },
    padding: { type: 'padding' },
    dilation: { type: 'posInts', optional: true },
    groups: { type: 'posInt', optional: true },
  },
  pool: {
    ...common,
    op: { type: 'poolOp' },
    window: { type: 'posInts' },
    strides: { type: 'posInts' },
    padding: { type: 'padding' },
  },
  globalPool: { ...common, op: { type: 'poolOp' } },
  add: { ...common, scale: { type: 'number', optional: true } },
  concat: { ...common, axis: { type: 'int' } },
  reshape: { ...common, shape: { type: 'shape' } },
  affine: { ...common, scale: { type: 'param' }, bias: { type: 'param' } },
  pad: { ...common, padding: { type: 'padPairs' } },
  upsample: { ...common, size: { type: 'posInts' } },
  neurons: {
    ...common,
    neuronType: { type: 'string' },
    params: { type: 'numberRecord', optional: true },
    gain: { type: 'param', optional: true },
    bias: { type: 'param', optional: true },
  },
  output: { ...common },
};

/** All node kinds, in declaration order. */
export const NODE_KINDS = Object.keys(NODE_FIELDS) as readonly NodeKind[];

/** True when `kind` names an IR node kind. */
export function isNodeKind(kind: unknown): kind is NodeKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(NODE_FIELDS, kind);
}

/** What went wrong with a field value: its code and a phrase completing "field 'x' ...". */
export interface FieldProblem {
  readonly code: IrErrorCode;
  readonly problem: string;
}

const isPosInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isNonNegInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && isNonNegInt(v[0]) && isNonNegInt(v[1]);

const expected: Record<Exclude<FieldType, 'param'>, string> = {
  shape: 'a non-empty array of positive integers, e.g. [28, 28, 1]',
  posInts: 'a non-empty array of positive integers, one per spatial axis, e.g. [2, 2]',
  padding: "'valid', 'same' or one [before, after] pair of non-negative integers per spatial axis",
  padPairs: 'one [before, after] pair of non-negative integers per spatial axis, e.g. [[1, 1], [1, 1]]',
  int: 'an integer',
  posInt: 'a positive integer',
  number: 'a finite number',
  string: 'a non-empty string',
  poolOp: "'avg' or 'max'",
  numberRecord: 'an object of finite numbers, e.g. { "amplitude": 1 }',
  boolean: 'true or false',
};

/**
 * Check a non-parameter field value. Returns undefined when it is fine. `null` in a
 * number position is reported as not finite: it is what JSON makes of NaN and Infinity.
 */
export function checkFieldValue(type: Exclude<FieldType, 'param'>, value: unknown): FieldProblem | undefined {
  const bad = (): FieldProblem => ({ code: 'IR_BAD_FIELD', problem: `must be ${expected[type]}; got ${preview(value)}` });
  const notFinite = (what: string): FieldProblem => ({
    code: 'IR_NOT_FINITE',
    problem: `${what} is ${preview(value === null ? null : value)} but must be a finite number (JSON writes NaN and Infinity as null)`,
  });
  switch (type) {
    case 'shape':
    case 'posInts':
      return Array.isArray(value) && value.length > 0 && value.every(isPosInt) ? undefined : bad();
    case 'padding':
      if (value === 'valid' || value === 'same') return undefined;
      return Array.isArray(value) && value.length > 0 && value.every(isPair) ? undefined : bad();
    case 'padPairs':
      return Array.isArray(value) && value.length > 0 && value.every(isPair) ? undefined : bad();
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : bad();
    case 'posInt':
      return isPosInt(value) ? undefined : bad();
    case 'number':
      if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return notFinite('value');
      return typeof value === 'number' ? undefined : bad();
    case 'string':
      return typeof value === 'string' && value.length > 0 ? undefined : bad();
    case 'poolOp':
      return value === 'avg' || value === 'max' ? undefined : bad();
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad();
    case 'numberRecord': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad();
      for (const [k, v] of Object.entries(value)) {
        if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
          return { code: 'IR_NOT_FINITE', problem: `entry '${k}' is ${preview(v)} but must be a finite number (JSON writes NaN and Infinity as null)` };
        }
        if (typeof v !== 'number') return { code: 'IR_BAD_FIELD', problem: `entry '${k}' must be a finite number; got ${preview(v)}` };
      }
      return undefined;
    }
  }
}
