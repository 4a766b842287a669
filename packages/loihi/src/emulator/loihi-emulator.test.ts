import { SnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { LoihiEmulator } from './loihi-emulator.js';
import type { LoihiEmulatorBlock, LoihiEmulatorNetwork } from './types.js';

// Spec §2.2/§2.3 integers for LIF tau_rc 0.02, tau_ref 0.002, tau_s 0.005, dt 1 ms.
const LIF = { decayU: 741, decayV: 200, refractDelay: 3, vmin: 0, vmax: 2 ** 23 - 1 } as const;
const BIAS_MAX = 4095 * 2 ** 7;

function block(label: string, vth: number[], bias: number[], base: Omit<LoihiEmulatorBlock, 'label' | 'vth' | 'bias'> = LIF): LoihiEmulatorBlock {
  return { ...base, label, vth: Int32Array.from(vth), bias: Int32Array.from(bias) };
}

/** Steps (1-based) at which each of a block's compartments spiked, for sample 0. */
function spikeSteps(emu: LoihiEmulator, label: string, nSteps: number): number[][] {
  const n = emu.spiked(label).length / emu.nSamples;
  const steps: number[][] = Array.from({ length: n }, () => []);
  for (let t = 1; t <= nSteps; t++) {
    emu.step();
    emu.spiked(label).forEach((s, c) => {
      if (c < n && s) steps[c]!.push(t);
    });
  }
  return steps;
}

/** Voltages of sample 0's first compartment on steps 1..nSteps. */
function voltages(emu: LoihiEmulator, label: string, nSteps: number): number[] {
  const v: number[] = [];
  for (let t = 1; t <= nSteps; t++) {
    emu.step();
    v.push(emu.voltage(label)[0]!);
  }
  return v;
}

function arithmetic(first: number, isi: number, last: number): number[] {
  const out: number[] = [];
  for (let t = first; t <= last; t += isi) out.push(t);
  return out;
}

function single(b: LoihiEmulatorBlock): LoihiEmulatorNetwork {
  return { inputs: [], blocks: [b], synapses: [] };
}

describe('Trace A: one LIF compartment driven by its bias (spec §6.2)', () => {
  it('J=2: voltages of steps 1..8, spikes every 16 steps from step 14, 62 in 1000 steps', () => {
    const emu = new LoihiEmulator(single(block('a', [5367104], [BIAS_MAX])));
    expect(voltages(emu, 'a', 8)).toEqual([524160, 1022726, 1496948, 1948014, 2377056, 2785148, 3173314, 3542527]);
    emu.reset();
    const [spikes] = spikeSteps(emu, 'a', 1000);
    expect(spikes!.slice(0, 6)).toEqual([14, 30, 46, 62, 78, 94]);
    expect(spikes).toEqual(arithmetic(14, 16, 1000));
    expect(spikes).toHaveLength(62);
    expect(emu.spikeCounts('a')[0]).toBe(62);
  });

  it('J=10: voltage held at 0 for two steps after each spike, spikes every 5 steps from step 3', () => {
    const emu = new LoihiEmulator(single(block('a', [1073408], [BIAS_MAX])));
    expect(voltages(emu, 'a', 6)).toEqual([524160, 1022726, 0, 0, 0, 524160]);
    emu.reset();
    const [spikes] = spikeSteps(emu, 'a', 1000);
    expect(spikes).toEqual(arithmetic(3, 5, 1000));
    expect(spikes).toHaveLength(200);
  });

  it('ReLU (decay_v 0, refract 1): J=300 every 4 steps, J=500 every 3 (strict >), J=501 every 2', () => {
    // §2.3 no-weights branch: b_scale = BIAS_MAX/J, v_inf = 1 (no V scaling), vth_f = 1/dt = 1000,
    // so bias = BIAS_MAX and vth = round(round(1000 * BIAS_MAX / J) / 64) * 64.
    const relu = { decayU: 741, decayV: 0, refractDelay: 1, vmin: 0, vmax: 2 ** 23 - 1 };
    for (const [vth, isi] of [[1747200, 4], [1048320, 3], [1046208, 2]] as const) {
      const emu = new LoihiEmulator(single(block('r', [vth], [BIAS_MAX], relu)));
      const [spikes] = spikeSteps(emu, 'r', 120);
      expect(spikes).toEqual(arithmetic(isi, isi, 120));
    }
  });
});

describe('Trace B: block a drives block b through W_int one step later (spec §6.2)', () => {
  const network: LoihiEmulatorNetwork = {
    inputs: [],
    blocks: [block('a', [536704, 536704], [524160, 131040]), block('b', [3712, 3712], [90, 270])],
    synapses: [{ source: 'a', target: 'b', weights: Int32Array.from([16256, 3328, -8192, 0]) }],
  };

  it('b current on steps 1..12', () => {
    const emu = new LoihiEmulator(network);
    const u: number[][] = [];
    for (let t = 1; t <= 12; t++) {
      emu.step();
      u.push([...emu.current('b')]);
    }
    expect(u).toEqual([
      [0, 0], [0, 0], [16256, 3328], [13311, 2725], [10899, 2231], [732, 1826],
      [16855, 4823], [13801, 3949], [11300, 3233], [9252, 2647], [23831, 5495], [19513, 4499],
    ]);
  });

  it('spike times of a and b over 40 steps', () => {
    const emu = new LoihiEmulator(network);
    const a: number[][] = [[], []];
    const b: number[][] = [[], []];
    for (let t = 1; t <= 40; t++) {
      emu.step();
      for (const c of [0, 1]) {
        if (emu.spiked('a')[c]) a[c]!.push(t);
        if (emu.spiked('b')[c]) b[c]!.push(t);
      }
    }
    expect(a[0]).toEqual(arithmetic(2, 4, 40));
    expect(a[1]).toEqual([5, 12, 19, 26, 33, 40]);
    expect(b[0]).toEqual([3, 7, ...arithmetic(10, 3, 40)]);
    expect(b[1]).toEqual(arithmetic(3, 4, 40));
  });

  it('runs many samples side by side: each sample matches the single-sample run', () => {
    // Sample k feeds a spike input into a with its own pattern, so the samples differ.
    const nSamples = 3;
    const withInput: LoihiEmulatorNetwork = {
      ...network,
      inputs: [{ label: 'x', nAxons: 1 }],
      synapses: [...network.synapses, { source: 'x', target: 'b', weights: Int32Array.from([2000, -1000]) }],
    };
    const batch = new LoihiEmulator(withInput, { nSamples });
    const alone = Array.from({ length: nSamples }, () => new LoihiEmulator(withInput));
    const spikesAt = (t: number, k: number) => Uint8Array.of(t % (k + 2) === 0 ? 1 : 0);
    let samplesDiffer = false;
    for (let t = 1; t <= 60; t++) {
      batch.step({ x: Uint8Array.from({ length: nSamples }, (_, k) => spikesAt(t, k)[0]!) });
      alone.forEach((emu, k) => emu.step({ x: spikesAt(t, k) }));
      alone.forEach((emu, k) => {
        expect([...batch.current('b').subarray(2 * k, 2 * k + 2)]).toEqual([...emu.current('b')]);
        expect([...batch.voltage('b').subarray(2 * k, 2 * k + 2)]).toEqual([...emu.voltage('b')]);
      });
      if (batch.current('b')[0] !== batch.current('b')[2]) samplesDiffer = true;
    }
    expect(samplesDiffer).toBe(true);
    expect([...batch.spikeCounts('b')]).toEqual(alone.flatMap((emu) => [...emu.spikeCounts('b')]));
  });
});

describe('probes', () => {
  it('record current, voltage and spikes of every step, as the live state showed them', () => {
    const emu = new LoihiEmulator(single(block('a', [5367104], [BIAS_MAX])), { nSamples: 2 });
    const v = emu.probe('a', 'voltage', 40);
    const s = emu.probe('a', 'spiked', 40);
    emu.run(40);
    expect(v.nSteps).toBe(40);
    expect([...v.data.subarray(0, 16)].filter((_, i) => i % 2 === 0)).toEqual([524160, 1022726, 1496948, 1948014, 2377056, 2785148, 3173314, 3542527]);
    const spikeRows = [...s.data].flatMap((x, i) => (x === 1 && i % 2 === 0 ? [i / 2 + 1] : []));
    expect(spikeRows).toEqual([14, 30]);
    expect(() => emu.step()).toThrow(/probe on voltage is full after 40 steps/);
    expect(emu.t).toBe(40);
  });
});

describe('host spike input', () => {
  it('a spike given on step s reaches the target current on step s+1', () => {
    const net: LoihiEmulatorNetwork = {
      inputs: [{ label: 'x', nAxons: 2 }],
      blocks: [block('b', [3712], [0])],
      synapses: [{ source: 'x', target: 'b', weights: Int32Array.from([100, 7]) }],
    };
    const emu = new LoihiEmulator(net);
    emu.step({ x: Uint8Array.of(1, 1) });
    expect(emu.current('b')[0]).toBe(0);
    emu.step();
    expect(emu.current('b')[0]).toBe(107);
    emu.step();
    // decay_int(107, 741, offset 1) = trunc(107 * 3354 / 4096) = 87
    expect(emu.current('b')[0]).toBe(87);
  });
});

describe('register overflow (spec §3.1, after §6.1 test_uv_overflow)', () => {
  // ReLU with tau_s 0.1 (decay_u 40), weight 1 -> W_int 16256 (§2.4: w' 255 -> 127, << 1, << 6),
  // vmin -(2^22)+1 and vth VTH_MAX as the upstream test sets them; every axon spikes every step.
  function overflowNet(nAxons: number): LoihiEmulatorNetwork {
    const relu = { decayU: 40, decayV: 0, refractDelay: 1, vmin: -(2 ** 22) + 1, vmax: 2 ** 23 - 1 };
    return {
      inputs: [{ label: 'x', nAxons }],
      blocks: [block('relu', [131071 * 64], [0], relu)],
      synapses: [{ source: 'x', target: 'relu', weights: new Int32Array(nAxons).fill(16256) }],
    };
  }
  const allSpiking = (nAxons: number) => ({ x: new Uint8Array(nAxons).fill(1) });

  function strictError(nAxons: number): SnnError {
    const emu = new LoihiEmulator(overflowNet(nAxons), { overflow: 'strict' });
    try {
      emu.run(15, () => allSpiking(nAxons));
    } catch (e) {
      return e as SnnError;
    }
    throw new Error('no overflow');
  }

  it('1000 axons: q0 = 16,256,000 leaves 21 bits + sign: "Overflow in q0" on the first delivery', () => {
    const e = strictError(1000);
    expect(e).toBeInstanceOf(SnnError);
    expect(e.code).toBe('LOIHI_OVERFLOW');
    expect(e.message).toContain('Overflow in q0');
    expect(e.where).toBe('relu');
    expect(e.message).toContain('block "relu", step 2');
  });

  it('100 axons: q0 = 1,625,600 fits, the filtered current does not: "Overflow in current"', () => {
    // u_2 = 1625600, u_t = trunc(u_{t-1} * 4055 / 4096) + 1625600: 3234928, 4828065, 6406043, 7969023, 9517167.
    const e = strictError(100);
    expect(e.code).toBe('LOIHI_OVERFLOW');
    expect(e.message).toContain('Overflow in current');
    expect(e.message).toContain('block "relu", step 7');
  });

  it("§6.1 test_uv_overflow, 15 steps in 'wrap' mode: 1000 axons -> q0 only, 200 axons -> also current", () => {
    // 1000: q0 wraps to 16256000 - 4 * 2^22 = -521216, too small per step to push u past 2^23 in 15 steps.
    // 200: q0 wraps to 3251200 - 2^22 = -943104, and u passes -2^23 within the run.
    const emulate = (nAxons: number) => {
      const emu = new LoihiEmulator(overflowNet(nAxons));
      emu.run(15, () => allSpiking(nAxons));
      return emu;
    };
    const big = emulate(1000);
    expect(big.warnings).toEqual(['Overflow in q0']);
    expect(emulate(200).warnings).toEqual(['Overflow in q0', 'Overflow in current']);
    const first = new LoihiEmulator(overflowNet(1000));
    first.run(2, () => allSpiking(1000));
    expect(first.current('relu')[0]).toBe(-521216);
  });
});

describe('argument checks', () => {
  it('names the block or synapse at fault', () => {
    const bad = (net: LoihiEmulatorNetwork) => () => new LoihiEmulator(net);
    expect(bad(single({ ...block('a', [1], [0]), decayU: 4096 }))).toThrow(/decayU must be an integer in 0..4095/);
    expect(bad(single({ ...block('a', [1], [0]), refractDelay: 0 }))).toThrow(/refractDelay/);
    expect(bad(single(block('a', [1, 2], [0])))).toThrow(/bias has 1 values for 2 compartments/);
    expect(bad({ inputs: [], blocks: [block('a', [1], [0])], synapses: [{ source: 'z', target: 'a', weights: new Int32Array(1) }] })).toThrow(/"z" is neither a block nor a spike input/);
    expect(bad({ inputs: [], blocks: [block('a', [1], [0])], synapses: [{ source: 'a', target: 'a', weights: new Int32Array(2) }] })).toThrow(/expected axons x compartments = 1 x 1/);
    const emu = new LoihiEmulator(single(block('a', [1], [0])));
    expect(() => emu.step({ y: new Uint8Array(1) })).toThrow(/no spike input named "y"/);
    expect(() => emu.voltage('q')).toThrow(/no block named "q"/);
  });
});
