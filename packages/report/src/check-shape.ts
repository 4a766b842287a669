import { SnnError } from '@snn/ir';

/**
 * Check that `length` values fill the shape `dims` (named `names`), e.g. a raster's
 * steps x neurons counts. Dimensions must be whole numbers >= 0. Throws REPORT_BAD_ARGUMENT
 * naming the chart function and the mismatch.
 */
export function checkShape(fn: string, length: number, dims: readonly number[], names: readonly string[]): void {
  dims.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0) throw new SnnError('REPORT_BAD_ARGUMENT', `${fn}: ${names[i]} must be a whole number >= 0, got ${d}`, { where: fn });
  });
  const need = dims.reduce((a, b) => a * b, 1);
  if (length !== need)
    throw new SnnError('REPORT_BAD_ARGUMENT', `${fn}: got ${length} values, but ${names.join(' x ')} = ${dims.join(' x ')} = ${need}; pass values in C order with that many entries`, { where: fn });
}
