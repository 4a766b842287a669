import { inferShapes, SnnError, type Graph, type Shape } from '@snn/ir';

/** The graph input MNIST images feed, and its IR shape. */
export interface MnistInput {
  readonly inputId: string;
  readonly shape: Shape;
}

/**
 * Find the input that MNIST images (28 x 28 = 784 pixels, row-major) feed. Accepted IR
 * input shapes: [28, 28], [28, 28, 1], [1, 28, 28] and [784] — every one takes the images'
 * 784 values in the same order, so the data needs no copy. (A channels-first Keras model
 * with input 1x28x28 already has the channels-last IR input [28, 28, 1].)
 */
export function mnistInput(graph: Graph, shapes: ReadonlyMap<string, Shape> = inferShapes(graph)): MnistInput {
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  if (inputs.length !== 1) {
    throw new SnnError('MNIST_INPUT_SHAPE', `the model has ${inputs.length} inputs (${inputs.map((n) => n.id).join(', ') || 'none'}); MNIST evaluation needs a model with one image input`);
  }
  const inputId = inputs[0].id;
  const shape = shapes.get(inputId) ?? [];
  if (!fitsMnist(shape)) {
    throw new SnnError(
      'MNIST_INPUT_SHAPE',
      `input '${inputId}' has shape [${shape.join(', ')}] (${shape.reduce((a, b) => a * b, 1)} values); MNIST images fit inputs of shape 28x28, 28x28x1, 1x28x28 or 784`,
      { where: inputId },
    );
  }
  return { inputId, shape };
}

/** True for shapes that hold one 28 x 28 image in row-major order. */
export function fitsMnist(shape: Shape): boolean {
  const core = shape.filter((d) => d !== 1);
  return (core.length === 2 && core[0] === 28 && core[1] === 28) || (core.length === 1 && core[0] === 784);
}
