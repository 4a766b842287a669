// What other command-line programs of the workspace share with `snn`: number parsers for
// commander options, the usage error (exit code 2) and the one-line failure message.
export { positiveInt, positiveNumber, percentage, nonNegativeNumber, nonNegativeInt, finiteNumber } from './numbers.js';
export { UsageError, describeFailure, verboseTrace } from './usage-error.js';
export { exitOnInterrupt, INTERRUPTED_EXIT } from './interrupt.js';
