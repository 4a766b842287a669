import h5wasm from 'h5wasm';

/** The Emscripten module of h5wasm: the HDF5 library compiled to WebAssembly, with its file system. */
export type Hdf5Module = Awaited<typeof h5wasm.ready>;

/** h5wasm's Emscripten factory: fills the object it is given with a new WebAssembly instance of the library. */
type EmscriptenFactory = (module: object) => Promise<unknown>;

/** The trap (a WebAssembly RuntimeError: an out-of-bounds access or an Emscripten abort) the current instance suffered. */
let trapped: string | undefined;
/** Calls into the current instance that threw: on damaged files the library may corrupt its own state without trapping. */
let failures = 0;
/** Set when what the current instance's failed reads left behind passed {@link LEAK_BUDGET}. */
let worn = false;
let renewal: Promise<void> | undefined;
let renewals = 0;

/** The WebAssembly trap (a RuntimeError: out-of-bounds access, abort) that `e` is or has among its causes, if any. */
export function trapCause(e: unknown): WebAssembly.RuntimeError | undefined {
  for (let x: unknown = e, depth = 0; x instanceof Error && depth < 8; x = x.cause, depth++) {
    if (x instanceof WebAssembly.RuntimeError) return x;
  }
  return undefined;
}

/**
 * Run `fn` (calls into the HDF5 library), counting what it throws and remembering a WebAssembly
 * trap (also when wrapped as the cause of another error): after a trap the instance's state is
 * undefined (later reads crashed the process or hung in the fuzz tests of tools/fuzz), so the
 * next {@link hdf5Module} replaces it.
 */
export function watching<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    failures++;
    const trap = trapCause(e);
    if (trap !== undefined) trapped = trap.message;
    throw e;
  }
}

/** Whether the current instance trapped (its files must not be closed through it: the library's state is undefined). */
export function hasTrapped(): boolean {
  return trapped !== undefined;
}

/** Whether a call into the current instance threw since it was made (a damaged file may have corrupted its state). */
export function hasFailed(): boolean {
  return failures > 0;
}

/** How many times an instance was replaced in this process (after a trap, or when worn out by leaks). */
export function hdf5Renewals(): number {
  return renewals;
}

/**
 * What an instance may hold for reads that are over before it is replaced. An HDF5 error throws
 * through the library's C code (h5wasm's error handler), skipping its clean-up: the file a
 * failed read had open stays open (its bytes held in the in-memory file system: 4 MiB for a
 * 4 MiB file), and so do the temporary file of the error text and the library's own memory.
 * Replacing the instance costs 23-38 ms; damaged files would otherwise grow the process without
 * bound (measured in the fuzz tests: about 0.1 MiB a case, 570 MiB after 2,500 Keras cases).
 */
export const LEAK_BUDGET = { openFileBytes: 64 * 2 ** 20, memoryBytes: 256 * 2 ** 20 } as const;

/** The in-memory file system's open files (an Emscripten internal; absent, nothing is counted). */
interface Streams {
  readonly streams?: readonly ({ readonly fd: number; readonly node?: { readonly usedBytes?: number } } | null | undefined)[];
}

/**
 * After a read or write, when no file of it is open any more: if the instance holds more than
 * {@link LEAK_BUDGET} (bytes of files left open, or its memory, which never shrinks), the next
 * {@link hdf5Module} replaces it.
 */
export function checkLeaks(module: Hdf5Module): void {
  let open = 0;
  for (const stream of (module.FS as unknown as Streams).streams ?? []) if (stream && stream.fd > 2) open += stream.node?.usedBytes ?? 0;
  if (open > LEAK_BUDGET.openFileBytes || module.HEAPU8.length > LEAK_BUDGET.memoryBytes) worn = true;
}

/**
 * h5wasm's Emscripten factory, found beside its high-level module (h5wasm's package exports only
 * the latter). Undefined where modules cannot be resolved at run time (a bundled browser page
 * without an import map): a trapped instance then cannot be replaced.
 */
async function emscriptenFactory(): Promise<EmscriptenFactory | undefined> {
  let url: string;
  try {
    url = new URL('./hdf5_util.js', import.meta.resolve('h5wasm')).href;
  } catch {
    return undefined;
  }
  const loaded = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  return typeof loaded.default === 'function' ? (loaded.default as EmscriptenFactory) : undefined;
}

/**
 * Replace the instance in place: h5wasm's classes (File, Group, Dataset) call the
 * library through one module object, which the Emscripten factory fills with a new instance when
 * given it (as h5wasm does once at start-up). The trapped instance's functions and memory are
 * dropped with the object's old properties. 23-38 ms (measured: docs/reliability.md).
 */
async function renew(module: Hdf5Module): Promise<void> {
  const factory = await emscriptenFactory();
  if (factory === undefined) {
    worn = false; // a worn instance still works: go on with it
    if (trapped === undefined) return;
    throw new Error(`the HDF5 library (WebAssembly) aborted on an earlier damaged file (${trapped}) and no new instance of it can be made here; reload the page or restart the process`);
  }
  const target = module as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) delete target[key];
  target.noInitialRun = true; // what h5wasm gives its factory
  await factory(target);
  trapped = undefined;
  worn = false;
  failures = 0;
  renewals++;
}

/**
 * The h5wasm module, ready to open files: the same instance call after call (instantiating one
 * costs time), or a new one when the last one trapped or wore out (see {@link checkLeaks}).
 * Throws (an Error saying why) only when a trapped instance cannot be replaced.
 */
export async function hdf5Module(): Promise<Hdf5Module> {
  const module = await h5wasm.ready;
  while (trapped !== undefined || worn) {
    renewal ??= renew(module).finally(() => (renewal = undefined));
    await renewal;
  }
  return module;
}
