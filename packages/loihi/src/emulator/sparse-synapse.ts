/**
 * Weights stored in compressed sparse rows (CSR), for dense layers with many zero weights:
 * source axon a reaches compartments `targets[rowStart[a] .. rowStart[a + 1]]` with `weights`
 * at the same positions. Delivers the same sums as the dense matrix it came from.
 */
export interface SparseSynapse<W extends Int32Array | Float64Array> {
  /** Marks CSR weights. */
  readonly kind: 'sparse';
  /** Label of a block or of a spike input. */
  readonly source: string;
  /** Label of the block whose compartments receive the weights. */
  readonly target: string;
  /** Length source size + 1, nondecreasing, from 0 to `targets.length`. */
  readonly rowStart: Int32Array;
  /** Target compartment of each stored weight. */
  readonly targets: Int32Array;
  /** Stored weights (`W_int` or floats), one per target. */
  readonly weights: W;
}

/**
 * CSR form of dense `weights` (`nAxons x nTarget`, row-major as in DenseSynapse), keeping only
 * the nonzero weights.
 */
export function sparseFromDense<W extends Int32Array | Float64Array>(
  source: string,
  target: string,
  weights: W,
  nAxons: number,
  nTarget: number,
): SparseSynapse<W> {
  const rowStart = new Int32Array(nAxons + 1);
  let nnz = 0;
  for (let i = 0; i < nAxons * nTarget; i++) if (weights[i] !== 0) nnz++;
  const targets = new Int32Array(nnz);
  const kept = new (weights.constructor as new (n: number) => W)(nnz);
  let n = 0;
  for (let a = 0; a < nAxons; a++) {
    for (let c = 0; c < nTarget; c++) {
      const w = weights[a * nTarget + c]!;
      if (w === 0) continue;
      targets[n] = c;
      kept[n++] = w;
    }
    rowStart[a + 1] = n;
  }
  return { kind: 'sparse', source, target, rowStart, targets, weights: kept };
}
