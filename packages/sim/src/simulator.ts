import { SnnError, type Graph } from '@snn/ir';
import { checkSamples, inputValues } from './check-samples.js';
import { buildPlan, type Plan } from './build-plan.js';
import { autoBatchSize } from './batch-size.js';
import { AliasExec, InputExec } from './exec/linear-exec.js';
import { NeuronsExec } from './exec/neurons-exec.js';
import { PostFilteredExec } from './exec/post-filtered-exec.js';
import { isEventDriven, type EventDrivenExec } from './exec/spike-transform.js';
import type { CompileOptions, NodeStats, ProbeSpec, RunOptions, RunResult, SimInputs } from './options.js';
import { ProbeRecorder } from './probe-recorder.js';

/**
 * A graph compiled for simulation. Plans are built once per set of time-varying inputs
 * and reused by every run; each run resets all state (NengoDL's `stateful=False`).
 */
export class Simulator {
  readonly dt: number;
  /** The compile options, with the batch size filled in ({@link autoBatchSize} when none was given). */
  readonly options: CompileOptions & { readonly batchSize: number };
  private readonly plans = new Map<string, Plan>();

  constructor(
    readonly graph: Graph,
    options: CompileOptions,
  ) {
    this.options = { ...options, batchSize: options.batchSize ?? autoBatchSize(graph, options.mode) };
    this.dt = options.dt ?? 0.001;
    this.plan(new Set()); // validate and build eagerly so errors surface at compile time
  }

  /**
   * How each node runs, in execution order: `static` nodes are computed once per batch
   * (constant input, no state and no synapse on the way); `filtered` nodes are transforms
   * fed through a synapse; `eventDriven` marks dense/conv transforms of spikes (filtered
   * or not) that scatter the active inputs when activity is low; `alias` nodes share their
   * input's buffer (reshape, output).
   */
  describePlan(): Array<{ id: string; kind: string; static: boolean; exec: 'input' | 'linear' | 'neurons' | 'filtered' | 'alias'; eventDriven: boolean }> {
    const plan = this.plan(new Set());
    const kinds = new Map(this.graph.nodes.map((n) => [n.id, n.kind] as const));
    return plan.order.map((e) => ({
      id: e.id,
      kind: kinds.get(e.id) ?? '?',
      static: e.isStatic,
      exec:
        e instanceof InputExec ? 'input' : e instanceof NeuronsExec ? 'neurons' : e instanceof PostFilteredExec ? 'filtered' : e instanceof AliasExec ? 'alias' : 'linear',
      eventDriven: isEventDriven(e) && e.canRunEventDriven,
    }));
  }

  /** Elements per sample of input node `id` (throws when `id` is not an input). */
  inputSize(id: string): number {
    const node = this.graph.nodes.find((n) => n.id === id);
    if (!node || node.kind !== 'input')
      throw new SnnError('SIM_UNKNOWN_INPUT', `'${id}' is not an input node; inputs are: ${this.inputIds.join(', ')}`, { where: id });
    return node.shape.reduce((a, b) => a * b, 1);
  }

  /** Ids of the graph's input and output nodes. */
  get inputIds(): string[] {
    return this.graph.nodes.filter((n) => n.kind === 'input').map((n) => n.id);
  }
  get outputIds(): string[] {
    return this.graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
  }

  /**
   * Simulate `nSteps` steps for every sample. Each input is either constant per sample
   * (samples x size) or given per step (samples x nSteps x size, NengoDL's layout).
   */
  run(inputs: SimInputs, options: RunOptions = {}): RunResult {
    const nSteps = options.nSteps ?? 1;
    if (!Number.isInteger(nSteps) || nSteps < 1) throw new SnnError('SIM_BAD_STEPS', `nSteps must be a positive integer; got ${nSteps}`);
    const { samples, dynamic } = this.checkInputs(inputs, nSteps);
    const probeSpecs: Record<string, ProbeSpec> = options.probes ?? Object.fromEntries(this.outputIds.map((id) => [id, { node: id }]));
    const probed = new Set(Object.values(probeSpecs).map((p) => p.node));
    const reshapes = new Set(this.graph.nodes.filter((n) => n.kind === 'reshape').map((n) => n.id));
    const plan = this.plan(dynamic, new Set([...probed].filter((id) => reshapes.has(id))));
    for (const f of plan.fusions) f.set(!probed.has(f.source));
    const recorders = new Map<string, { spec: ProbeSpec; rec: ProbeRecorder }>();
    for (const [name, spec] of Object.entries(probeSpecs)) {
      const ex = plan.execs.get(spec.node);
      if (!ex) throw new SnnError('SIM_UNKNOWN_PROBE', `probe '${name}' names node '${spec.node}', which is not in the graph; probe one of: ${[...plan.execs.keys()].join(', ')}`, { where: name });
      const kernel = spec.synapse ? this.options.synapses.get(spec.synapse.type, `probe '${name}'`).discretize(spec.synapse, this.dt) : undefined;
      recorders.set(name, { spec, rec: new ProbeRecorder(ex.size, samples, nSteps, spec.keep ?? 'last', kernel) });
    }
    const neurons = plan.order.filter((e): e is NeuronsExec => e instanceof NeuronsExec);
    neurons.forEach((n) => n.clearStats());
    const post = plan.order.filter(isEventDriven);
    post.forEach((p) => p.clearCounts());
    const staticExecs = plan.order.filter((e) => e.isStatic);
    const dynamicExecs = plan.order.filter((e) => !e.isStatic);
    const updating = plan.order.filter((e) => e.update);
    const maxBatch = this.options.batchSize;

    for (let start = 0; start < samples; start += maxBatch) {
      const batch = Math.min(maxBatch, samples - start);
      this.loadInputs(plan, inputs, start, batch, nSteps, -1);
      for (const e of plan.order) e.reset(batch);
      for (const e of plan.edges) e.reset(batch);
      for (const { rec } of recorders.values()) rec.startBatch(start, batch);
      for (const e of staticExecs) e.forward(batch);
      for (let t = 0; t < nSteps; t++) {
        if (dynamic.size > 0) this.loadInputs(plan, inputs, start, batch, nSteps, t);
        for (const e of dynamicExecs) e.forward(batch);
        for (const n of neurons) if (!n.spiking && !n.isStatic) n.accumulateRates(batch, 1);
        for (const { spec, rec } of recorders.values()) rec.record(t, plan.execs.get(spec.node)!.value);
        for (const e of plan.edges) e.update();
        for (const e of updating) e.update!(batch);
      }
      for (const n of neurons) if (n.isStatic) n.accumulateRates(batch, nSteps);
      options.onProgress?.(start + batch, samples);
    }
    return this.result(plan, recorders, neurons, post, samples, nSteps);
  }

  private result(
    plan: Plan,
    recorders: Map<string, { spec: ProbeSpec; rec: ProbeRecorder }>,
    neurons: NeuronsExec[],
    post: EventDrivenExec[],
    samples: number,
    nSteps: number,
  ): RunResult {
    const probes: RunResult['probes'] = {};
    for (const [name, { spec, rec }] of recorders) {
      probes[name] = { shape: [samples, rec.keptSteps, ...plan.shapes.get(spec.node)!], data: rec.data };
    }
    const stats: Record<string, NodeStats> = {};
    let synops = 0;
    const seconds = samples * nSteps * this.dt;
    for (const n of neurons) {
      const perNeuronHz = new Float32Array(n.size);
      for (let i = 0; i < n.size; i++) perNeuronHz[i] = n.activitySum[i] / seconds;
      stats[n.id] = { firingRateHz: n.spikes / (n.size * seconds), perNeuronHz, synops: n.synops, spikes: n.spikes };
      synops += n.synops;
    }
    const propagation: RunResult['propagation'] = {};
    post.forEach((p) => (propagation[p.id] = { event: p.eventSteps, dense: p.denseSteps }));
    const warnings: string[] = [];
    if (nSteps === 1 && (plan.edges.length > 0 || post.some((p) => p instanceof PostFilteredExec)))
      warnings.push('Running for one timestep, but the network contains synaptic filters (which will introduce at least a one-timestep delay); did you mean to set synapse=None?');
    return { probes, stats, synops, samples, nSteps, propagation, warnings };
  }

  private plan(dynamic: ReadonlySet<string>, probedReshapes: ReadonlySet<string> = new Set()): Plan {
    const key = [...dynamic].sort().join('\u0000') + '\u0001' + [...probedReshapes].sort().join('\u0000');
    let plan = this.plans.get(key);
    if (!plan) {
      plan = buildPlan(this.graph, this.options, dynamic, probedReshapes);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private checkInputs(inputs: SimInputs, nSteps: number): { samples: number; dynamic: Set<string> } {
    const shapes = new Map(this.graph.nodes.flatMap((n) => (n.kind === 'input' ? [[n.id, n.shape] as const] : [])));
    let samples = -1;
    const dynamic = new Set<string>();
    for (const [id, shape] of shapes) {
      const given: unknown = inputs[id];
      if (!given) throw new SnnError('SIM_MISSING_INPUT', `no data for input node '${id}'; pass inputs as { '${id}': Float32Array(samples x ${shape.reduce((a, b) => a * b, 1)}) }`, { where: id });
      const { values, perStep } = inputValues(given);
      const n = checkSamples(values, { what: `input '${id}'${perStep ? ' (per step)' : ''}`, shape, code: 'SIM_BAD_INPUT', steps: perStep ? nSteps : 1 });
      if (perStep) dynamic.add(id);
      if (samples !== -1 && samples !== n) throw new SnnError('SIM_BAD_INPUT', `input '${id}' has ${n} samples but another input has ${samples}; give every input the same number of samples`, { where: id });
      samples = n;
    }
    for (const id of Object.keys(inputs)) if (!shapes.has(id)) throw new SnnError('SIM_UNKNOWN_INPUT', `'${id}' is not an input node; inputs are: ${[...shapes.keys()].join(', ')}`, { where: id });
    return { samples, dynamic };
  }

  private loadInputs(plan: Plan, inputs: SimInputs, start: number, batch: number, nSteps: number, t: number): void {
    for (const ex of plan.order) {
      if (!(ex instanceof InputExec)) continue;
      const data = inputData(inputs[ex.id]);
      const size = ex.size;
      if (ex.isStatic) {
        if (t === -1) ex.value.set(data.subarray(start * size, (start + batch) * size));
      } else if (t >= 0) {
        for (let b = 0; b < batch; b++) {
          const src = ((start + b) * nSteps + t) * size;
          ex.value.set(data.subarray(src, src + size), b * size);
        }
      }
    }
  }

  /** Release backend memory held by compiled transforms. */
  dispose(): void {
    for (const plan of this.plans.values()) {
      for (const e of plan.order) e.dispose?.();
      plan.arena.free();
    }
    this.plans.clear();
  }
}

function inputData(given: SimInputs[string]): Float32Array {
  return given instanceof Float32Array ? given : given.data;
}
