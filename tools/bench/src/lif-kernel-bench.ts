import { createNeuronStepPool, type LifPrecision } from '@snn/neurons';
import { measureLifThroughput } from '@snn/neurons/testing';

/** Best and median neuron-steps/s of one LIF kernel variant over interleaved runs. */
export interface LifKernelFigure {
  readonly best: number;
  readonly median: number;
}

/** The LIF kernel alone, float64 and float32, on 1 thread and on a 2-thread pool. */
export interface LifKernelFigures {
  readonly float64OneThread: LifKernelFigure;
  readonly float64TwoThreads: LifKernelFigure;
  readonly float32OneThread: LifKernelFigure;
  readonly float32TwoThreads: LifKernelFigure;
  /** Runs per variant. */
  readonly runs: number;
  readonly neurons: number;
  readonly steps: number;
}

/**
 * Time the LIF kernel alone on 262,144 neurons (a conv layer x a small batch), J ~ Uniform(0, 5):
 * each variant `runs` times, interleaved, so that another tenant's load on the shared machine
 * hits all variants alike; best and median per variant.
 */
export async function measureLifKernels(quick: boolean): Promise<LifKernelFigures> {
  const neurons = 1 << 18;
  const steps = quick ? 50 : 200;
  const runs = quick ? 2 : 5;
  const pool64 = await createNeuronStepPool({ threads: 2 });
  const pool32 = await createNeuronStepPool({ threads: 2, precision: 'float32' });
  const variants: Array<() => number> = [
    () => measureLifThroughput({ neurons, steps }).neuronStepsPerSec,
    () => measureLifThroughput({ neurons, steps, pool: pool64 }).neuronStepsPerSec,
    () => measureLifThroughput({ neurons, steps, precision: 'float32' satisfies LifPrecision }).neuronStepsPerSec,
    () => measureLifThroughput({ neurons, steps, pool: pool32 }).neuronStepsPerSec,
  ];
  const results = variants.map(() => [] as number[]);
  try {
    for (let r = 0; r < runs; r++) variants.forEach((run, k) => results[k].push(run()));
  } finally {
    await pool64.close();
    await pool32.close();
  }
  const [f64One, f64Two, f32One, f32Two] = results.map((values): LifKernelFigure => {
    const sorted = [...values].sort((a, b) => b - a);
    return { best: sorted[0], median: sorted[sorted.length >> 1] };
  });
  return {
    float64OneThread: f64One,
    float64TwoThreads: f64Two,
    float32OneThread: f32One,
    float32TwoThreads: f32Two,
    runs,
    neurons,
    steps,
  };
}
