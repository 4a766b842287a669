import { nirError } from './error-codes.js';
import type { Hdf5Dataset, Hdf5Group } from './hdf5-tree.js';

/** One node of a NIR file: its id, `type` string and datasets, with typed accessors. */
export class NirNode {
  constructor(
    readonly id: string,
    readonly type: string,
    private readonly group: Hdf5Group,
  ) {}

  /** Whether the node has dataset `name`. */
  has(name: string): boolean {
    const member = this.group.members.get(name);
    return member !== undefined && member.kind !== 'group';
  }

  /** Numeric dataset `name` (values as numbers, C order) with its shape. */
  array(name: string): { shape: number[]; data: number[] } {
    const d = this.group.members.get(name) as Hdf5Dataset | Hdf5Group | undefined;
    if (d === undefined || d.kind === 'group' || d.kind === 'string') {
      throw nirError('NIR_BAD_NODE', this.id, `NIR node '${this.id}' (${this.type}) has no numeric dataset '${name}'; the file does not follow NIR's schema for ${this.type}`);
    }
    return { shape: [...d.shape], data: Array.from(d.data as ArrayLike<number>) };
  }

  /** Dataset `name` as a list of integers (a scalar becomes `n` copies of itself). */
  ints(name: string, n: number): number[] {
    const { data } = this.array(name);
    return data.length === 1 ? Array(n).fill(data[0]) : data;
  }

  /** Dataset `name` when it is a string (e.g. Conv2d padding 'same'). */
  string(name: string): string | undefined {
    const d = this.group.members.get(name);
    return d?.kind === 'string' ? d.data[0] : undefined;
  }

  /** A number from the node's `metadata` group, if present. */
  metadata(key: string): number | undefined {
    const m = this.group.members.get('metadata');
    const d = m?.kind === 'group' ? m.members.get(key) : undefined;
    return d && d.kind !== 'group' && d.kind !== 'string' ? Number(d.data[0]) : undefined;
  }
}
