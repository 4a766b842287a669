import { createRng, inferShapes, inputsOf, samePadding, topoOrder, type Edge, type Graph, type GraphNode, type Shape } from '@snn/ir';
import { resolveParams } from '@snn/neurons';
import { AliasExec, InputExec, LinearExec } from './exec/linear-exec.js';
import type { ActiveSource, Exec, ValueSource } from './exec/exec.js';
import { FilteredEdge } from './exec/filtered-edge.js';
import { NeuronsExec } from './exec/neurons-exec.js';
import { SparseLinearExec } from './exec/sparse-linear-exec.js';
import { EventLinearExec } from './exec/event-linear-exec.js';
import { InputListExec } from './exec/input-list.js';
import { GatedMaxPoolExec } from './exec/gated-max-pool-exec.js';
import { PostFilteredExec } from './exec/post-filtered-exec.js';
import { SpikeTransform, type EventTransform, type PropagationPolicy } from './exec/spike-transform.js';
import { convFanOut, scatterConv, type ConvGeometry } from './kernels/scatter-conv.js';
import { scatterDense } from './kernels/scatter-dense.js';
import { compileLinearOp } from './ops/linear-op.js';
import { KernelArena, simWasm } from './wasm/sim-wasm.js';
import { convTapTables } from './kernels/conv-taps.js';
import type { CompileOptions } from './options.js';

/** Everything a run needs: executors in topological order and the filtered edges. */
export interface Plan {
  readonly execs: ReadonlyMap<string, Exec>;
  readonly order: readonly Exec[];
  readonly edges: readonly FilteredEdge[];
  readonly shapes: ReadonlyMap<string, Shape>;
  /** The plan's arrays in kernel memory, freed when the plan is disposed. */
  readonly arena: KernelArena;
  /** Neurons that can read a filtered transform's state in place of its output (see {@link Fusion}). */
  readonly fusions: readonly Fusion[];
}

/**
 * A population fed only by a filtered transform, which can compute its current from the
 * transform's filter state and bias in one pass while nothing probes the transform's output:
 * `set(true)` before a run without such a probe, `set(false)` before one with it.
 */
export interface Fusion {
  /** The filtered transform's node id. */
  readonly source: string;
  set(fused: boolean): void;
}

/**
 * Build executors for `graph`. `dynamicInputs` are the inputs fed per step; every other
 * input is constant over a presentation, so nodes fed only by them (through no synapse)
 * are computed once per batch.
 */
export function buildPlan(
  original: Graph,
  /** The compile options with the batch size filled in (`Simulator.options`). */
  options: CompileOptions & { readonly batchSize: number },
  dynamicInputs: ReadonlySet<string>,
  probedReshapes: ReadonlySet<string> = new Set(),
): Plan {
  const graph = moveSynapsesPastReshapes(original, probedReshapes);
  const arena = new KernelArena();
  const shapes = inferShapes(graph);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const execs = new Map<string, Exec>();
  const edges: FilteredEdge[] = [];
  const maxBatch = options.batchSize;
  const rateMode = (options.mode ?? 'spiking') === 'rate';
  const dt = options.dt ?? 0.001;
  const seed = options.seed ?? 0;
  const size = (s: Shape): number => s.reduce((a, b) => a * b, 1);

  const policyFor = (node: GraphNode, inShape: Shape, outShape: Shape): PropagationPolicy => {
    const macs = denseMacs(node, inShape, outShape);
    return {
      mode: options.propagation ?? 'auto',
      eventCostRatio: options.eventCostRatio ?? defaultEventCostRatio(node, outShape),
      denseMacsPerSample: macs,
      meanFanOut: macs / size(inShape),
    };
  };

  /** The filtered edge from spiking neurons into `id` when `id` is an average pool fed only by it. */
  const filteredAvgPoolOfSpikes = (id: string): Edge | undefined => {
    const pool = nodes.get(id)!;
    const edges = inputsOf(graph, id);
    if (pool.kind !== 'pool' || pool.op !== 'avg' || edges.length !== 1 || !edges[0].synapse) return undefined;
    return spikingSource(execs, edges[0].source) instanceof NeuronsExec ? edges[0] : undefined;
  };

  const fusions: Fusion[] = [];
  /**
   * The filtered transform feeding a neurons node through `inEdges` when the node can compute
   * its current from the transform's filter state (see `PostFilteredExec.filteredOutput`): no
   * other node reads the transform's output and the SIMD kernels run.
   */
  const readers = new Map<string, number>();
  for (const e of graph.edges) readers.set(e.source, (readers.get(e.source) ?? 0) + 1);
  const soleReaderOfFilteredOutput = (inEdges: readonly Edge[]): PostFilteredExec | undefined => {
    if (inEdges.length !== 1 || inEdges[0].synapse) return undefined;
    const src = execs.get(inEdges[0].source);
    return src instanceof PostFilteredExec && readers.get(src.id) === 1 && src.filteredOutput !== undefined ? src : undefined;
  };

  for (const [index, id] of topoOrder(graph).entries()) {
    const node = nodes.get(id)!;
    const inEdges = inputsOf(graph, id);
    const inShapes = inEdges.map((e) => shapes.get(e.source)!);
    const outShape = shapes.get(id)!;
    const plainSource = (e: Edge): ValueSource => {
      const src = execs.get(e.source)!;
      return { size: src.size, read: () => src.value };
    };
    const edgeKernel = (e: Edge) => options.synapses.get(e.synapse!.type, `edge ${e.source} -> ${e.target}`).discretize(e.synapse!, dt);
    // a transform with one filtered input filters W·x itself (see PostFilteredExec); any other
    // filtered input is a FilteredEdge the target reads
    // (max pooling is not linear: max(filter(x)) is not filter(max(x)), so it reads a FilteredEdge)
    const maxPool = (node.kind === 'pool' || node.kind === 'globalPool') && node.op === 'max';
    const postFiltered = node.kind !== 'input' && node.kind !== 'neurons' && !maxPool && inEdges.length === 1 && inEdges[0].synapse !== undefined;
    const sources: ValueSource[] = postFiltered
      ? []
      : inEdges.map((e) => {
          if (!e.synapse) return plainSource(e);
          const fe = new FilteredEdge(execs.get(e.source)!, edgeKernel(e), maxBatch);
          edges.push(fe);
          return fe;
        });
    const inputsStatic = inEdges.every((e) => !e.synapse && execs.get(e.source)!.isStatic);
    let exec: Exec;
    if (node.kind === 'input') {
      exec = new InputExec(id, size(outShape), !dynamicInputs.has(id), maxBatch, arena);
    } else if (node.kind === 'neurons') {
      const type = options.neurons.get(node.neuronType, `node '${id}'`);
      const params = resolveParams(type, node.params, `node '${id}'`);
      const rng = createRng((seed * 1000003 + index * 7919 + 1) >>> 0);
      const filtered = soleReaderOfFilteredOutput(inEdges);
      const neurons = new NeuronsExec(node, type, params, sources[0], inputsStatic, rateMode, dt, maxBatch, rng, arena, options.precision === 'float32', filtered?.filteredOutput);
      if (filtered) {
        fusions.push({ source: filtered.id, set: (on) => { neurons.readFilteredInput(on); filtered.fuseInto(on); } });
      }
      exec = neurons;
    } else if (postFiltered) {
      // filter W·x instead of x: same result (linear, zero initial state), bias unfiltered as in Nengo.
      const e = inEdges[0];
      const spikeSource = spikingSource(execs, e.source);
      const event = spikeSource ? eventTransform(node, inShapes[0], outShape, arena) : undefined;
      const op = compileLinearOp(node, inShapes, outShape);
      const policy = policyFor(node, inShapes[0], outShape);
      const transform = new SpikeTransform(op, plainSource(e), inShapes[0], spikeSource, event, policy, arena);
      exec = new PostFilteredExec(id, transform, outShape, edgeKernel(e), maxBatch, arena);
    } else if (maxPool && !rateMode && !inputsStatic) {
      // spiking mode, time-varying input: pass the input with the largest running total
      const active = inEdges[0].synapse ? undefined : spikingSource(execs, inEdges[0].source);
      exec = new GatedMaxPoolExec(id, node, sources[0], inShapes[0], outShape, maxBatch, arena, active);
    } else if (node.kind === 'reshape' || node.kind === 'output') {
      exec = new AliasExec(id, sources[0], inputsStatic);
      aliasSourceId.set(exec, inEdges[0].source);
    } else {
      // a dense/conv fed straight by spiking neurons (or a pool of them) can scatter their spikes
      // (EventLinearExec); a pool of spiking neurons lists its nonzero outputs (SparseLinearExec)
      const plainInput = inEdges.length === 1 && !inEdges[0].synapse ? inEdges[0] : undefined;
      const spikeSource = plainInput ? spikingSource(execs, plainInput.source) : undefined;
      const synapseEdge = plainInput && !spikeSource ? filteredAvgPoolOfSpikes(plainInput.source) : undefined;
      const event = spikeSource || synapseEdge ? eventTransform(node, inShapes[0], outShape, arena) : undefined;
      const constantInput = plainInput && (node.kind === 'conv' || node.kind === 'dense') ? staticInput(execs, plainInput.source) : undefined;
      const constantEvent = constantInput ? eventTransform(node, inShapes[0], outShape, arena) : undefined;
      const op = compileLinearOp(node, inShapes, outShape);
      if (synapseEdge && event) {
        // W·filter(pool(s)) = filter(W·pool(s)) (linear filter, zero initial state; bias added
        // unfiltered): pool the spikes unfiltered (a hidden SparseLinearExec the transform runs
        // each step), scatter them through W, filter after; the pool node keeps its filtered
        // value for probes and other consumers
        const pool = nodes.get(synapseEdge.target)!;
        const spikeShape = shapes.get(synapseEdge.source)!;
        const pooled = new SparseLinearExec(`${pool.id}/unfiltered`, compileLinearOp(pool, [spikeShape], inShapes[0]), [plainSource(synapseEdge)], [spikeShape], inShapes[0], maxBatch, arena);
        const policy = policyFor(node, inShapes[0], outShape);
        const input = { size: pooled.size, read: () => pooled.value };
        const transform = new SpikeTransform(op, input, inShapes[0], pooled, event, policy, arena, pooled);
        exec = new PostFilteredExec(id, transform, outShape, edgeKernel(synapseEdge), maxBatch, arena);
      } else if (spikeSource && event) {
        const policy = policyFor(node, inShapes[0], outShape);
        exec = new EventLinearExec(id, new SpikeTransform(op, sources[0], inShapes[0], spikeSource, event, policy, arena), outShape, maxBatch, arena);
      } else if (constantInput && constantEvent) {
        // a constant input (an image): scatter its nonzero values once per batch when that is cheaper
        const lister = new InputListExec(constantInput, arena);
        const policy = policyFor(node, inShapes[0], outShape);
        exec = new EventLinearExec(id, new SpikeTransform(op, sources[0], inShapes[0], lister, constantEvent, policy, arena, lister), outShape, maxBatch, arena, true);
      } else if (spikeSource && node.kind === 'pool') {
        exec = new SparseLinearExec(id, op, sources, inShapes, outShape, maxBatch, arena);
      } else {
        exec = new LinearExec(id, op, sources, inShapes, outShape, inputsStatic, maxBatch, arena);
      }
    }
    execs.set(id, exec);
  }
  addFanOut(graph, nodes, execs, shapes);
  return { execs, order: [...execs.values()], edges, shapes, arena, fusions };
}

/**
 * What one scattered multiply-add costs, in dense multiply-adds of the tfjs WebAssembly
 * backend, by transform: the break-even points measured in session 5 (forced event against
 * forced dense steps, 50 samples, float32, SpikingReLU input at 2-40% activity; see
 * docs/benchmarks.md). The SIMD scatter keeps 32 output channels in registers, so convolutions
 * with at least 32 output channels scatter at ~2-3 dense multiply-adds (break-even at 30-40%
 * activity), narrower ones entry by entry at ~10 (break-even near 9%); dense layers at ~5
 * (break-even near 20%). The JS scatter (no shared WebAssembly memory) costs ~10.
 */
export function defaultEventCostRatio(node: GraphNode, outShape: Shape): number {
  if (!simWasm()) return 10;
  if (node.kind === 'dense') return 5;
  return outShape[outShape.length - 1] >= 32 ? 2.5 : 10;
}

/** Multiply-adds of a dense/conv transform per sample (0 for other kinds: no event path). */
function denseMacs(node: GraphNode, inShape: Shape, outShape: Shape): number {
  const outSize = outShape.reduce((a, b) => a * b, 1);
  if (node.kind === 'dense') return outSize * node.weights.shape[0];
  if (node.kind === 'conv') return outSize * node.kernel.data.length / node.kernel.shape[node.kernel.shape.length - 1];
  return 0;
}

/**
 * The spiking neurons node, or the pool of one, whose output reaches `id` unchanged (through
 * reshapes), if any: its active list can drive an event-driven transform.
 */
function spikingSource(execs: ReadonlyMap<string, Exec>, id: string): ActiveSource | undefined {
  let e = execs.get(id);
  while (e instanceof AliasExec) e = execs.get(aliasSourceId.get(e) ?? '');
  if (e instanceof SparseLinearExec || e instanceof GatedMaxPoolExec) return e;
  return e instanceof NeuronsExec && e.spiking ? e : undefined;
}

const aliasSourceId = new WeakMap<Exec, string>();

/** The constant input node `id` is (through aliases), if it is one. */
function staticInput(execs: ReadonlyMap<string, Exec>, id: string): InputExec | undefined {
  let e = execs.get(id);
  while (e instanceof AliasExec) e = execs.get(aliasSourceId.get(e) ?? '');
  return e instanceof InputExec && e.isStatic ? e : undefined;
}

function eventTransform(node: GraphNode, inShape: Shape, outShape: Shape, arena: KernelArena): EventTransform | undefined {
  const wasm = simWasm();
  if (node.kind === 'dense') {
    const w = node.weights.data;
    const [nIn, nOut] = node.weights.shape;
    // three floats of padding: the SIMD kernel reads whole f32x4 of the last row
    const padded = wasm ? arena.array(w.length + 3) : undefined;
    padded?.set(w);
    const pW = wasm && padded ? wasm.offsetOf(padded) : -1;
    return (src, out, pOut) => {
      const p = src.activePtrs;
      if (p && pW >= 0 && pOut >= 0) wasm!.scatterDense(src.active.count, p.index, p.activeValue, pW, nIn, nOut, pOut);
      else scatterDense(src.active.index, src.active.value, src.active.count, w, nIn, nOut, out);
    };
  }
  if (node.kind === 'conv' && (node.groups ?? 1) === 1) {
    const g = convGeometry(node.kernel.shape, node.strides, node.padding, inShape, outShape);
    const k = node.kernel.data;
    const pK = wasm ? wasm.offsetOf(arena.copy(k)) : -1;
    const taps = convTapTables(g);
    const rows = arena.index(taps.rows.length);
    const cols = arena.index(taps.cols.length);
    rows.set(taps.rows);
    cols.set(taps.cols);
    const pRows = wasm ? wasm.offsetOf(rows) : -1;
    const pCols = wasm ? wasm.offsetOf(cols) : -1;
    return (src, out, pOut) => {
      const p = src.activePtrs;
      if (p && pK >= 0 && pOut >= 0 && pRows >= 0 && pCols >= 0)
        wasm!.scatterConv(src.active.count, p.index, p.activeValue, pK, pOut, pRows, pCols, g.h, g.w, g.c, g.outH, g.outW, g.outC, taps.rowStride, taps.colStride);
      else scatterConv(src.active.index, src.active.value, src.active.count, k, g, out);
    };
  }
  return undefined;
}

/** Geometry of a 1-D or 2-D conv for the event kernels. */
export function convGeometry(
  kshape: Shape,
  strides: readonly number[],
  padding: import('@snn/ir').Padding,
  inShape: Shape,
  outShape: Shape,
): ConvGeometry {
  const twoD = kshape.length === 4;
  const [h, w, c] = twoD ? inShape : [1, inShape[0], inShape[1]];
  const [outH, outW, outC] = twoD ? outShape : [1, outShape[0], outShape[1]];
  const [kh, kw] = twoD ? kshape : [1, kshape[0]];
  const [strideH, strideW] = twoD ? strides : [1, strides[0]];
  let padTop = 0;
  let padLeft = 0;
  if (padding === 'same') {
    padTop = twoD ? samePadding(h, kh, strideH)[0] : 0;
    padLeft = samePadding(w, kw, strideW)[0];
  } else if (padding !== 'valid') {
    padTop = twoD ? padding[0][0] : 0;
    padLeft = padding[twoD ? 1 : 0][0];
  }
  return { h, w, c, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft };
}

/** Per-neuron fan-out of every neurons node: the synapses one of its spikes drives. */
function addFanOut(graph: Graph, nodes: Map<string, GraphNode>, execs: Map<string, Exec>, shapes: ReadonlyMap<string, Shape>): void {
  const fanOf = (id: string, sourceShape: Shape, seen: number): Float32Array => {
    const n = sourceShape.reduce((a, b) => a * b, 1);
    const fan = new Float32Array(n);
    if (seen > 64) return fan;
    for (const e of graph.edges.filter((x) => x.source === id)) {
      const t = nodes.get(e.target)!;
      let add: Float32Array | number;
      if (t.kind === 'dense') add = t.weights.shape[1];
      else if (t.kind === 'conv') add = convFanOut(convGeometry(t.kernel.shape, t.strides, t.padding, shapes.get(id)!, shapes.get(t.id)!));
      else if (t.kind === 'reshape') add = fanOf(t.id, sourceShape, seen + 1);
      else if (t.kind === 'output') add = 0;
      else add = 1;
      for (let i = 0; i < n; i++) fan[i] += typeof add === 'number' ? add : add[i];
    }
    return fan;
  };
  for (const ex of execs.values()) if (ex instanceof NeuronsExec) ex.fanOut.set(fanOf(ex.id, shapes.get(ex.id)!, 0));
}

/**
 * A synapse on the edge into a reshape commutes with it: move it to the reshape's
 * outgoing edges so that the transform after the reshape can filter `W·x` and propagate
 * spikes event-driven. Reshapes in `keep` (probed ones) keep their filtered value. Pure.
 */
export function moveSynapsesPastReshapes(graph: Graph, keep: ReadonlySet<string> = new Set()): Graph {
  let edges = [...graph.edges];
  for (const id of topoOrder(graph)) {
    const node = graph.nodes.find((n) => n.id === id)!;
    if (node.kind !== 'reshape' || keep.has(id)) continue;
    const ins = edges.filter((e) => e.target === id);
    const outs = edges.filter((e) => e.source === id);
    if (ins.length !== 1 || !ins[0].synapse || outs.length === 0 || outs.some((e) => e.synapse)) continue;
    const synapse = ins[0].synapse;
    edges = edges.map((e) => (e === ins[0] ? { source: e.source, target: e.target } : e.source === id ? { ...e, synapse } : e));
  }
  return { ...graph, edges };
}
