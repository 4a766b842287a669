/**
 * Collect the nonzero entries of `values[0..n)`: their flat indices into `index` and their
 * values into `value`, in order. Returns how many there are. Allocation-free; `index`/`value`
 * must hold `n` entries in the worst case. (The JS kernel; the neuron types' float32 steps
 * list their spikes with the same function.)
 */
export { listNonzero as collectActive } from '@snn/neurons';
