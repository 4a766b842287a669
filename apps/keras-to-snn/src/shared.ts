// What every MNIST walkthrough shares (keras-to-snn's own stages use it, and so does keras-to-loihi):
// the walk and its options, measuring a network into a table row, training with a cache, tables, figures, the CLI frame.
/** The walk every stage works on, its options and its measured rows. */
export type { Walk, WalkBase, WalkBaseOptions, WalkIo, StageRow } from './walk.js';
/** Start a walkthrough (output folder, MNIST, report) and write its outputs at the end. */
export { openWalk, writeWalkOutputs, type WalkSetup } from './open-walk.js';
/** The flags every walkthrough has, and its `main`. */
export { addWalkBaseOptions, walkBaseOptions, runWalkMain, type WalkBaseDefaults } from './walk-program.js';
/** Measure a network on the test images (worker threads, progress bar) into a table row. */
export { evaluateRow, type RowSpec } from './evaluate-row.js';
/** Train on the walkthrough's images, and cache trained parameters keyed by the settings. */
export { trainNetwork, type TrainSettings } from './train-network.js';
export { cachedTraining, graphHash } from './cache.js';
/** A stage's table (terminal and HTML) and report section; the gap to the ANN. */
export { stageTableText, stageTableHtml, formatGap } from './tables.js';
export { stageSection, nengoConversion, type NengoSettings } from './convert.js';
/** The closing summary table (terminal and HTML). */
export { summaryText, summaryHtml, bestFewStepRow, stagesJson } from './summary.js';
/** Figures: accuracy over steps, rate histograms, one image's spikes and output. */
export { accuracyCurves, rateHistograms, activityFigures } from './figures.js';
export { recordActivity, type ActivityRecord } from './record-activity.js';
/** Time a stage into the walk's timings. */
export { timed } from './keras-to-snn-walk.js';
