import type { Shape } from '@snn/ir';
import { group, i64, str, type Hdf5Dataset, type Hdf5Group } from './hdf5-tree.js';
import type { Perm } from './layout.js';
import { NIR_VERSION } from './nir-version.js';

/** Where a value of the snn graph lives in the NIR graph being built. */
export interface NirValue {
  /** NIR node whose output is the value. */
  readonly nir: string;
  /** The value's snn shape. */
  readonly shape: Shape;
  /** NIR element order of a vector (see {@link Perm}). */
  readonly perm: Perm;
}

/**
 * Collects NIR nodes (each a group: `type` plus parameter datasets) and edges, then lays
 * them out as NIR's file tree: `version`, and `node` = { type: 'NIRGraph', nodes, edges }.
 * snn ids may hold `/`, HDF5's path separator; NIR ids get `.` instead (made unique).
 */
export class NirBuilder {
  private readonly nodes = new Map<string, Hdf5Group>();
  private readonly edges: [string, string][] = [];

  /** Add a node of NIR `type` named after `id`; returns its NIR id. */
  node(id: string, type: string, datasets: Record<string, Hdf5Dataset>, metadata?: Record<string, number>): string {
    const base = id.replaceAll('/', '.');
    let name = base;
    for (let k = 2; this.nodes.has(name); k++) name = `${base}_${k}`;
    const g = group([['type', str(type)], ...Object.entries(datasets)]);
    if (metadata && Object.keys(metadata).length > 0) {
      g.members.set('metadata', group(Object.entries(metadata).map(([k, v]) => [k, { kind: 'float64', shape: [], data: [v] }] as const)));
    }
    this.nodes.set(name, g);
    return name;
  }

  /** Connect NIR node `source` to NIR node `target` (NIR sums a node's inputs). */
  edge(source: string, target: string): void {
    this.edges.push([source, target]);
  }

  /** The file tree. */
  tree(): Hdf5Group {
    const graph = group([
      ['type', str('NIRGraph')],
      ['nodes', group(this.nodes)],
      ['edges', { kind: 'string', shape: [this.edges.length, 2], data: this.edges.flat() }],
    ]);
    return group([
      ['version', str(NIR_VERSION)],
      ['node', graph],
    ]);
  }
}

/**
 * A dataset filled with `value`, of NIR shape `shape`: float64, so that a number snn holds
 * as a float64 (a time constant, an amplitude) reads back exactly.
 */
export function filled(value: number, shape: readonly number[]): Hdf5Dataset {
  return { kind: 'float64', shape, data: new Float64Array(shape.reduce((a, b) => a * b, 1)).fill(value) };
}

/** An int64 pair dataset (strides, sizes, padding of 2-D nodes). */
export function pair(a: number, b: number): Hdf5Dataset {
  return i64([a, b]);
}
