import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir, fixtureModels } from '@snn/cli/fixtures';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'k2s-fixtures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Row {
  stage: string;
  name: string;
  mode: string;
  steps: number;
  accuracy: number;
  meanRateHz: Record<string, number>;
}

describe('keras-to-snn --model on every Keras fixture (--quick, 300 test images)', () => {
  const dir = fixtureDir();
  for (const model of fixtureModels(dir)) {
    it(`${model.id}: stages 2-6 run on the imported model`, async () => {
      const file = join(dir, model.file.split(' ')[0]);
      const { stdout } = await run(process.execPath, [main, '--model', file, '--quick', '--limit', '300', '--train-limit', '2000', '--steps', '30', '--workers', '1', '--out', join(tmp, model.id), '--cache', join(tmp, 'cache'), '--json'], { maxBuffer: 64 << 20, timeout: 600_000 });
      const json = JSON.parse(stdout.trimEnd().split('\n').pop()!) as { ann: { accuracy: number }; stages: Row[] };
      // the imported ANN classifies the first 300 test images about as well as its README says of all 10,000
      expect(json.ann.accuracy).toBeGreaterThan(model.accuracyPercent / 100 - 0.03);
      const stages = new Set(json.stages.map((r) => r.stage));
      for (const s of ['2. Naive conversion', '3. Synaptic smoothing', '4. Firing-rate scaling', '6. Calibration and few-step fine-tuning']) expect(stages.has(s), s).toBe(true);
      // calibration converts any of these models to within a few images of its ANN in 30 steps
      const calibrated = json.stages.find((r) => r.name === 'calibrated' && r.steps === 30)!;
      expect(calibrated.accuracy).toBeGreaterThan(json.ann.accuracy - 0.02);
      expect(Object.keys(calibrated.meanRateHz).length).toBeGreaterThan(0);
    }, 600_000);
  }
});
