import { describe, expect, it } from 'vitest';
import { loadMnist } from '@snn/mnist/node';
import { checkFixture } from './check-fixture.js';
import { fixtureDir, fixtureModels, referenceLabels } from './fixtures.js';

/*
 * `snn evaluate --mode rate` on every fixture, on the first IMAGES test images: the
 * predicted digits must equal Keras's (reference labels.txt), so the accuracy is Keras's
 * on those images. The full 10,000-image check against the README accuracies takes about
 * a minute on 2 cores and runs as `npm run check:fixtures -w apps/cli`.
 */
const IMAGES = 1000;
/*
 * One thread: at 1,000 images, starting worker threads (each loads the simulator and its
 * dependencies) costs more than it saves; the full check uses two.
 */
const WORKERS = 1;
const dir = fixtureDir();
const truth = loadMnist('test', IMAGES).labels;

describe.each(fixtureModels(dir))('snn evaluate --mode rate: $id', (model) => {
  it(`predicts Keras's digit for each of the first ${IMAGES} test images`, async () => {
    const r = await checkFixture(dir, model, { limit: IMAGES, workers: WORKERS });
    const keras = referenceLabels(model.id, dir);
    let kerasCorrect = 0;
    for (let i = 0; i < IMAGES; i++) if (keras[i] === truth[i]) kerasCorrect++;
    expect(r.images).toBe(IMAGES);
    expect(r.labelMismatches).toBe(0);
    expect(r.summary.accuracy).toBe(kerasCorrect / IMAGES);
    expect(r.summary.steps).toBe(1);
    expect(Object.keys(r.summary.rates).length).toBeGreaterThan(0);
  });
});
