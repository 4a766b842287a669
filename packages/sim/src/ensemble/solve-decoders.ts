import * as tf from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';

/**
 * Ridge-regression decoders: solve `(AᵀA + λ·n·I) D = AᵀY` for D (neurons x outputs), with A
 * the (samples x neurons) activity matrix and Y one-hot targets (Nengo's LstsqL2 with
 * `reg` relative to the largest activity). AᵀA is accumulated on the tfjs backend in
 * chunks of 2,000 samples; the solve is a float64 Cholesky factorization.
 */
export function solveDecoders(A: Float32Array, labels: Uint8Array, neurons: number, classes: number, reg = 0.1): Float32Array {
  const samples = labels.length;
  let maxA = 0;
  for (const a of A) if (a > maxA) maxA = a;
  const gram = new Float64Array(neurons * neurons);
  const aty = new Float64Array(neurons * classes);
  const chunk = 2000;
  for (let s = 0; s < samples; s += chunk) {
    const m = Math.min(chunk, samples - s);
    // tidy returns the tensors, not their data: tidy walks a returned array element by element
    // looking for tensors (a 1000 x 1000 Float32Array took ~1 s)
    const [gT, rT] = tf.tidy(() => {
      const a = tf.tensor2d(A.subarray(s * neurons, (s + m) * neurons), [m, neurons]);
      const y = tf.cast(tf.oneHot(tf.tensor1d(labels.subarray(s, s + m), 'int32'), classes), 'float32');
      const at = tf.transpose(a);
      return [tf.matMul(at, a), tf.matMul(at, y)];
    });
    const [g, r] = [gT.dataSync(), rT.dataSync()];
    tf.dispose([gT, rT]);
    for (let i = 0; i < g.length; i++) gram[i] += g[i];
    for (let i = 0; i < r.length; i++) aty[i] += r[i];
  }
  const lambda = (reg * maxA) ** 2 * samples;
  for (let i = 0; i < neurons; i++) gram[i * neurons + i] += lambda;
  choleskyInPlace(gram, neurons);
  const D = new Float32Array(neurons * classes);
  const col = new Float64Array(neurons);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < neurons; i++) col[i] = aty[i * classes + c];
    choleskySolve(gram, neurons, col);
    for (let i = 0; i < neurons; i++) D[i * classes + c] = col[i];
  }
  return D;
}

/** Lower Cholesky factor of a symmetric positive definite n x n matrix, in place (row-major). */
function choleskyInPlace(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (d <= 0) throw new SnnError('SIM_BAD_ARGUMENT', `solveDecoders: the regularized Gram matrix is not positive definite at neuron ${j}; raise the regularization reg`, { where: 'reg' });
    const l = Math.sqrt(d);
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / l;
    }
  }
}

/** Solve L Lᵀ x = b in place with the factor from {@link choleskyInPlace}. */
function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * b[k];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
}
