import { loihiError } from '../error-codes.js';
import { createBlockState, type BlockState } from './block-state.js';
import { deliverConvSpikes } from './conv-deliver.js';
import { convFanout } from './conv-fanout.js';
import { convGeometry } from './conv-geometry.js';
import { deliverSpikes } from './deliver-spikes.js';
import { checkSparse, deliverSparseSpikes } from './sparse-deliver.js';
import { EmulatorProbe, type EmulatorProbeKey } from './emulator-probe.js';
import type { EmulatorNetwork, EmulatorSynapse } from './types.js';

/** What the core needs to know of a block, integer or float. */
interface CoreBlock<A> {
  readonly label: string;
  readonly vth: A;
  readonly bias: A;
}

/** Adds the spikes of the previous step to a target's input buffer (allocation-free). */
type Route = () => void;

/**
 * The network-level part of the emulator shared by the integer and float variants: spike
 * inputs, the one-slot input buffer, delivery one step after a spike (spec §3.1 steps 1-2),
 * and access to block state. Subclasses update the compartments (`updateBlock`).
 */
export abstract class EmulatorCore<A extends Int32Array | Float64Array, B extends CoreBlock<A>> {
  /** Samples (e.g. images) emulated side by side. */
  readonly nSamples: number;
  /** Steps run so far. */
  protected steps = 0;
  protected readonly blockList: readonly B[];
  protected readonly states: readonly BlockState<A>[];
  private readonly byLabel = new Map<string, number>();
  private readonly inputIndex = new Map<string, number>();
  private readonly pending: Uint8Array[];
  private readonly routes: Route[] = [];
  private readonly probes: EmulatorProbe[] = [];

  protected constructor(network: EmulatorNetwork<B, A>, nSamples: number, make: (n: number) => A) {
    if (!Number.isInteger(nSamples) || nSamples < 1) {
      throw loihiError('LOIHI_BAD_ARGUMENT', `nSamples must be a positive integer, got ${nSamples}`, 'nSamples');
    }
    this.nSamples = nSamples;
    const sizes = new Map<string, number>();
    for (const input of network.inputs) {
      this.claim(sizes, input.label, input.nAxons);
      this.inputIndex.set(input.label, this.inputIndex.size);
    }
    for (const block of network.blocks) {
      if (block.bias.length !== block.vth.length) {
        throw loihiError('LOIHI_BAD_ARGUMENT', `bias has ${block.bias.length} values for ${block.vth.length} compartments; give one bias per vth`, block.label);
      }
      this.claim(sizes, block.label, block.vth.length);
      this.byLabel.set(block.label, this.byLabel.size);
    }
    this.blockList = network.blocks;
    this.states = network.blocks.map((b) => createBlockState(nSamples * b.vth.length, make));
    this.pending = network.inputs.map((i) => new Uint8Array(nSamples * i.nAxons));
    for (const syn of network.synapses) this.routes.push(this.route(syn, sizes));
  }

  /** Steps run so far (the chip's time counter). */
  get t(): number {
    return this.steps;
  }

  /**
   * Advance one step. `inputSpikes[label]` (`samples x nAxons`, nonzero = spike) are this
   * step's host spikes; like compartment spikes they reach their targets on the next step.
   */
  step(inputSpikes?: Readonly<Record<string, Uint8Array>>): void {
    for (const p of this.probes) p.checkRoom();
    this.steps++;
    for (const s of this.states) s.input.fill(0);
    for (const deliver of this.routes) deliver();
    for (const [label, i] of this.inputIndex) {
      const spikes = inputSpikes?.[label];
      const slot = this.pending[i]!;
      if (spikes === undefined) slot.fill(0);
      else if (spikes.length !== slot.length) {
        throw loihiError('LOIHI_BAD_ARGUMENT', `input spikes have ${spikes.length} values; expected samples x axons = ${slot.length}`, label);
      } else slot.set(spikes);
    }
    if (inputSpikes !== undefined) {
      for (const label of Object.keys(inputSpikes)) {
        if (!this.inputIndex.has(label)) throw loihiError('LOIHI_BAD_ARGUMENT', `no spike input named "${label}"; inputs: ${[...this.inputIndex.keys()].join(', ') || '(none)'}`, label);
      }
    }
    for (let b = 0; b < this.blockList.length; b++) this.updateBlock(this.blockList[b]!, this.states[b]!);
    for (const p of this.probes) p.record(this.state(p.block)[p.key]);
  }

  /**
   * Record `key` of block `label` (all samples and compartments) after every following step,
   * for up to `nSteps` steps, in a buffer allocated now.
   */
  probe(label: string, key: EmulatorProbeKey, nSteps: number): EmulatorProbe {
    const p = new EmulatorProbe(label, key, this.state(label).spiked.length, nSteps);
    this.probes.push(p);
    return p;
  }

  /** Run `nSteps` steps; `inputAt(t)` gives the host spikes of step t (1-based), if any. */
  run(nSteps: number, inputAt?: (t: number) => Readonly<Record<string, Uint8Array>> | undefined): void {
    for (let s = 0; s < nSteps; s++) this.step(inputAt?.(this.steps + 1));
  }

  /** Live current u of a block, `samples x compartments` (read-only use). */
  current(label: string): A {
    return this.state(label).current;
  }

  /** Live voltage v of a block, `samples x compartments` (read-only use). */
  voltage(label: string): A {
    return this.state(label).voltage;
  }

  /** Spike flags of a block's last step, `samples x compartments` (1 = spiked). */
  spiked(label: string): Uint8Array {
    return this.state(label).spiked;
  }

  /** Spike counts of a block since the start, `samples x compartments`. */
  spikeCounts(label: string): Uint32Array {
    return this.state(label).spikeCount;
  }

  /** Return every register, buffer, count and probe to zero and the time to 0 (chip state starts at 0). */
  reset(): void {
    this.steps = 0;
    for (const s of this.states) {
      for (const a of [s.input, s.current, s.voltage, s.refCount, s.spiked, s.spikeCount]) a.fill(0);
    }
    for (const p of this.pending) p.fill(0);
    for (const p of this.probes) p.clear();
  }

  /** Update one block's compartments from its filled input buffer. */
  protected abstract updateBlock(block: B, state: BlockState<A>): void;

  private state(label: string): BlockState<A> {
    const i = this.byLabel.get(label);
    if (i === undefined) throw loihiError('LOIHI_BAD_ARGUMENT', `no block named "${label}"; blocks: ${[...this.byLabel.keys()].join(', ')}`, label);
    return this.states[i]!;
  }

  private claim(sizes: Map<string, number>, label: string, size: number): void {
    if (sizes.has(label)) throw loihiError('LOIHI_BAD_ARGUMENT', `two inputs or blocks are named "${label}"; give each a unique label`, label);
    if (!Number.isInteger(size) || size < 1) throw loihiError('LOIHI_BAD_ARGUMENT', `size must be a positive integer, got ${size}`, label);
    sizes.set(label, size);
  }

  private route(syn: EmulatorSynapse<A>, sizes: Map<string, number>): Route {
    const where = `synapse ${syn.source} -> ${syn.target}`;
    const nAxons = sizes.get(syn.source);
    const t = this.byLabel.get(syn.target);
    if (nAxons === undefined) throw loihiError('LOIHI_BAD_ARGUMENT', `source "${syn.source}" is neither a block nor a spike input`, where);
    if (t === undefined) throw loihiError('LOIHI_BAD_ARGUMENT', `target "${syn.target}" is not a block`, where);
    const nTarget = this.blockList[t]!.vth.length;
    const i = this.inputIndex.get(syn.source);
    const spiked = i !== undefined ? this.pending[i]! : this.states[this.byLabel.get(syn.source)!]!.spiked;
    const input = this.states[t]!.input;
    const n = this.nSamples;
    if (syn.kind === 'conv2d') {
      const g = convGeometry(syn);
      const sizeError = (side: string, got: number, shape: number[]) =>
        loihiError('LOIHI_BAD_ARGUMENT', `${side} has ${got} compartments; the convolution needs ${shape.join(' x ')} = ${shape.reduce((a, b) => a * b)}`, where);
      if (nAxons !== g.rows * g.cols * g.channels) throw sizeError(`source "${syn.source}"`, nAxons, [g.rows, g.cols, g.channels]);
      if (nTarget !== g.outRows * g.outCols * g.filters) throw sizeError(`target "${syn.target}"`, nTarget, [g.outRows, g.outCols, g.filters]);
      const fanout = convFanout(g);
      const { kernel } = syn;
      return () => deliverConvSpikes(spiked, n, fanout, g.channels, g.filters, kernel, input, nTarget);
    }
    if (syn.kind === 'sparse') {
      checkSparse(syn, nAxons, nTarget);
      const { rowStart, targets, weights } = syn;
      return () => deliverSparseSpikes(spiked, n, rowStart, targets, weights, input, nTarget);
    }
    if (syn.weights.length !== nAxons * nTarget) {
      throw loihiError('LOIHI_BAD_ARGUMENT', `weights have ${syn.weights.length} values; expected axons x compartments = ${nAxons} x ${nTarget}`, where);
    }
    const { weights } = syn;
    return () => deliverSpikes(spiked, n, nAxons, weights, nTarget, input);
  }
}
