/**
 * First-fit free-list allocator over byte offsets `[start, end)` of some memory. Blocks are
 * multiples of 16 bytes and 16-byte aligned; freed blocks coalesce with their neighbours.
 * It only does the bookkeeping: `grow(bytes)` is called when nothing fits and must add at
 * least `bytes` at the end (returning the new end), e.g. by growing a WebAssembly memory.
 */
export class FreeList {
  /** Free blocks sorted by offset, as [offset, size] pairs in two parallel arrays. */
  private readonly freeOffsets: number[] = [];
  private readonly freeSizes: number[] = [];
  /** Size of every live block, by offset. */
  private readonly live = new Map<number, number>();
  private end: number;

  constructor(
    start: number,
    end: number,
    private readonly grow: (bytes: number) => number,
  ) {
    const aligned = roundUp16(start);
    this.end = end;
    if (end > aligned) this.insertFree(aligned, end - aligned);
  }

  /** Offset of a new block of at least `bytes` bytes (16-byte aligned, size rounded up to 16). */
  alloc(bytes: number): number {
    const size = Math.max(16, roundUp16(bytes));
    let k = this.firstFit(size);
    if (k < 0) {
      const last = this.freeOffsets.length - 1;
      const tail = last >= 0 && this.freeOffsets[last] + this.freeSizes[last] === this.end ? this.freeSizes[last] : 0;
      const oldEnd = this.end;
      this.end = this.grow(size - tail);
      this.insertFree(oldEnd, this.end - oldEnd);
      k = this.firstFit(size);
    }
    const offset = this.freeOffsets[k];
    if (this.freeSizes[k] === size) {
      this.freeOffsets.splice(k, 1);
      this.freeSizes.splice(k, 1);
    } else {
      this.freeOffsets[k] += size;
      this.freeSizes[k] -= size;
    }
    this.live.set(offset, size);
    return offset;
  }

  /** Size of the live block at `offset` (0 when no block starts there). */
  sizeOf(offset: number): number {
    return this.live.get(offset) ?? 0;
  }

  /** Return the live block at `offset` to the free list. False when no live block starts there. */
  free(offset: number): boolean {
    const size = this.live.get(offset);
    if (size === undefined) return false;
    this.live.delete(offset);
    this.insertFree(offset, size);
    return true;
  }

  /** Bytes in live blocks (for tests and diagnostics). */
  liveBytes(): number {
    let total = 0;
    for (const size of this.live.values()) total += size;
    return total;
  }

  private firstFit(size: number): number {
    for (let k = 0; k < this.freeSizes.length; k++) if (this.freeSizes[k] >= size) return k;
    return -1;
  }

  private insertFree(offset: number, size: number): void {
    let k = 0;
    while (k < this.freeOffsets.length && this.freeOffsets[k] < offset) k++;
    this.freeOffsets.splice(k, 0, offset);
    this.freeSizes.splice(k, 0, size);
    // coalesce with the next block, then with the previous one
    if (k + 1 < this.freeOffsets.length && offset + this.freeSizes[k] === this.freeOffsets[k + 1]) {
      this.freeSizes[k] += this.freeSizes[k + 1];
      this.freeOffsets.splice(k + 1, 1);
      this.freeSizes.splice(k + 1, 1);
    }
    if (k > 0 && this.freeOffsets[k - 1] + this.freeSizes[k - 1] === offset) {
      this.freeSizes[k - 1] += this.freeSizes[k];
      this.freeOffsets.splice(k, 1);
      this.freeSizes.splice(k, 1);
    }
  }
}

function roundUp16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
