import * as tf from '@tensorflow/tfjs-core';
import { resolveParams, type NeuronParams, type NeuronType } from '@snn/neurons';
import { numericParamDerivative, numericRatesDerivative } from './numeric-derivative.js';
import type { RateOp } from './rate-op.js';

type Body = (...args: unknown[]) => { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] };

/**
 * The rate function of `type` as a tfjs op differentiable with respect to the current J and
 * to the scalar parameters `names` (their values come in as scalar tensors, in `names` order).
 * Forward: `type.rates` with those values resolved against the schema (a value training drove
 * out of range throws `NEURON_BAD_PARAM` naming `where`). Backward: `dJ = dy * ratesDerivative`
 * and `d param = Σ dy * ratesParamDerivative(param)` (numerical where the type has none).
 */
export function trainableRateOp(type: NeuronType, params: NeuronParams, names: readonly string[], where?: string): RateOp {
  const body: Body = (...args) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [J, ...values] = args as tf.Tensor[];
    const p = resolveParams(type, { ...params, ...Object.fromEntries(names.map((n, i) => [n, values[i].dataSync()[0]])) }, where);
    const j = J.dataSync() as Float32Array;
    const out = new Float32Array(j.length);
    type.rates(j, out, p);
    save([J]);
    return {
      value: tf.tensor(out, J.shape, 'float32'),
      gradFunc: (dy, saved) => {
        const js = saved[0].dataSync() as Float32Array;
        const g = dy.dataSync() as Float32Array;
        const d = new Float32Array(js.length);
        const paramGrads = names.map((name) => {
          if (type.ratesParamDerivative) type.ratesParamDerivative(name, js, d, p);
          else numericParamDerivative(type, name, js, d, p);
          let sum = 0;
          for (let i = 0; i < d.length; i++) sum += g[i] * d[i];
          return tf.scalar(sum);
        });
        if (type.ratesDerivative) type.ratesDerivative(js, d, p);
        else numericRatesDerivative(type, js, d, p);
        for (let i = 0; i < d.length; i++) d[i] *= g[i];
        return [tf.tensor(d, saved[0].shape, 'float32'), ...paramGrads];
      },
    };
  };
  const f = tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (...xs: tf.Tensor[]) => tf.Tensor;
  return (J, trained = []) => f(J, ...trained);
}
