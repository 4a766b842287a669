/**
 * The control block a kernel thread and its helper share (a SharedArrayBuffer): i32 slots at
 * these indices, then the task's arguments as float64 from byte {@link ARGS_BYTE}.
 */
export const CONTROL = {
  /** Sequence number of the last task posted. */
  REQUEST: 0,
  /** Sequence number of the last task finished. */
  DONE: 1,
  /** Index of the task in `kernelTaskNames`. */
  TASK: 2,
  ARG_COUNT: 3,
  /** 1 when the last task threw. */
  FAILED: 4,
  /** 1 once the helper has its kernels. */
  READY: 5,
  /** The next chunk of the current task's work a thread takes (see `NextChunk`). */
  NEXT_CHUNK: 6,
} as const;

export const ARGS_BYTE = 64;
export const MAX_ARGS = 48;
export const CONTROL_BYTES = ARGS_BYTE + 8 * MAX_ARGS;
