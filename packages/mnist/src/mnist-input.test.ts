import { describe, expect, it } from 'vitest';
import { GraphBuilder, heNormal, createRng, type Graph } from '@snn/ir';
import { fitsMnist, mnistInput } from './mnist-input.js';

function net(shape: number[]): Graph {
  const b = new GraphBuilder();
  const x = b.input('image', shape);
  const size = shape.reduce((a, c) => a * c, 1);
  b.output(b.dense(b.flatten(x), { weights: heNormal([size, 10], size, createRng(1)) }), 'out');
  return b.build();
}

describe('MNIST images feed the model input', () => {
  it.each([[[28, 28]], [[28, 28, 1]], [[1, 28, 28]], [[784]], [[1, 784]]])('accepts input shape %j (the 784 pixels in row-major order)', (shape) => {
    expect(mnistInput(net(shape))).toEqual({ inputId: 'image', shape });
  });

  it.each([[[14, 56]], [[28, 28, 3]], [[392, 2]], [[32, 32, 1]]])('rejects input shape %j, naming the input and the shapes that fit', (shape) => {
    expect(() => mnistInput(net(shape))).toThrow(
      new RegExp(`^input 'image' has shape \\[${shape.join(', ')}\\] \\(\\d+ values\\); MNIST images fit inputs of shape 28x28, 28x28x1, 1x28x28 or 784$`),
    );
  });

  it('needs exactly one input', () => {
    const b = new GraphBuilder();
    const a = b.input('left', [784]);
    const c = b.input('right', [784]);
    b.output(b.add([a, c]), 'out');
    expect(() => mnistInput(b.build())).toThrow(/the model has 2 inputs \(left, right\); MNIST evaluation needs a model with one image input/);
  });

  it('fitsMnist ignores unit axes only', () => {
    expect(fitsMnist([1, 28, 1, 28, 1])).toBe(true);
    expect(fitsMnist([28, 28, 2])).toBe(false);
  });
});
