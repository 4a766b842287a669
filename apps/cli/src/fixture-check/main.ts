#!/usr/bin/env node
// `npm run check:fixtures -w apps/cli`: every Keras fixture through `snn evaluate` in rate
// mode over the full 10,000 MNIST test images, against the accuracy in the fixtures README
// (within 0.01 points) and the reference labels. Exit code 1 if any fixture falls short.
import { formatTable } from '@snn/report';
import { checkFixture } from './check-fixture.js';
import { fixtureDir, fixtureModels } from './fixtures.js';

const TOLERANCE_POINTS = 0.01;

const dir = fixtureDir();
const rows: string[][] = [];
let failed = 0;
const start = performance.now();
for (const model of fixtureModels(dir)) {
  const r = await checkFixture(dir, model);
  const ok = r.images === 10000 && Math.abs(r.accuracyPercent - r.expectedPercent) <= TOLERANCE_POINTS + 1e-9;
  if (!ok) failed++;
  rows.push([r.id, r.expectedPercent.toFixed(2), r.accuracyPercent.toFixed(2), String(r.labelMismatches), r.seconds.toFixed(1), ok ? 'ok' : 'FAIL']);
  process.stdout.write(`${model.id}: ${r.accuracyPercent.toFixed(2)}% (README ${r.expectedPercent.toFixed(2)}%), ${r.labelMismatches} label mismatches, ${r.seconds.toFixed(1)} s\n`);
}
process.stdout.write('\n' + formatTable(['fixture', 'README %', 'snn %', 'label mismatches', 'seconds', ''], rows, ['left', 'right', 'right', 'right', 'right', 'left']));
process.stdout.write(`\n${rows.length - failed}/${rows.length} fixtures reproduce their README accuracy within ${TOLERANCE_POINTS} points; ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
process.exitCode = failed > 0 ? 1 : 0;
