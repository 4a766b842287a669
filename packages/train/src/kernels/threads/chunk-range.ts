/** Chunks a kernel task's work is split into (see `runParts`): enough that the two threads end close together. */
export const WORK_CHUNKS = 8;

/** Chunk `i` of `chunks` near-equal runs of [0, count), boundaries at multiples of `multiple`: [start, end). */
export function chunkRange(i: number, chunks: number, count: number, multiple = 1): [number, number] {
  const units = Math.ceil(count / multiple);
  const at = (k: number): number => Math.min(count, Math.floor((k * units) / chunks) * multiple);
  return [at(i), at(i + 1)];
}

/**
 * Run `work` on each chunk of [0, count) (see {@link chunkRange}) that `nextChunk` hands this
 * thread, until none is left: work(start, end, chunk index).
 */
export function eachChunk(nextChunk: () => number, chunks: number, count: number, multiple: number, work: (start: number, end: number, chunk: number) => void): void {
  for (let i = nextChunk(); i < chunks; i = nextChunk()) {
    const [start, end] = chunkRange(i, chunks, count, multiple);
    work(start, end, i);
  }
}

/** Parts of a task's arguments for `runParts`: the calling thread's and the helper's (each with its own scratch). */
export const THREAD_SLOTS: readonly number[] = [0, 1];
