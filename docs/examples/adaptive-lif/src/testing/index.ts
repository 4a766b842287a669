/** Helpers for this example's tests and the CLI's plugin tests. */
export { withSquaredReLU } from './with-squared-relu.js';
