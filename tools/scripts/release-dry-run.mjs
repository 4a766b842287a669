#!/usr/bin/env node
// Release dry run: npm run release:dry [-- --skip-build]
// Cleans and builds every published package (packages/*, not private), then runs
// `npm publish --dry-run` in each: npm packs the package, checks package.json and reports what
// would be uploaded, without uploading. Fails (exit 1) if a build fails, if npm exits non-zero
// or has to correct package.json, or if a tarball would ship tests or test support.
// Prints one row per package: name, version, files, packed size.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from '@snn/scripts/args';

const { values } = scriptArgs(import.meta.url, { 'skip-build': { type: 'boolean', default: false } });
const root = fileURLToPath(new URL('../../', import.meta.url));
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);

const run = (command, args, cwd) => spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });

if (!values['skip-build']) {
  for (const p of packages) rmSync(join(p.dir, 'dist'), { recursive: true, force: true });
  console.error(`building ${packages.length} packages ...`);
  const build = run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static', '-p', ...packages.map((p) => p.json.name)], root);
  if (build.status !== 0) {
    console.error(build.stdout + build.stderr);
    console.error('release-dry-run: the build failed (above); nothing was checked');
    process.exit(1);
  }
}

const rows = [];
const failures = [];
for (const p of packages) {
  const result = run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts', '--tag', 'dry-run'], p.dir);
  const name = p.json.name;
  if (result.status !== 0) {
    failures.push(`${name}: npm publish --dry-run exited ${result.status}:\n${result.stderr.trim()}`);
    continue;
  }
  if (/auto-corrected|npm error/i.test(result.stderr)) failures.push(`${name}: npm had to correct package.json:\n${result.stderr.trim()}`);
  const json = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  const info = json[name] ?? json;
  const shipped = info.files.map((f) => f.path).filter((f) => /\.test\.|\.bench\.|test-support/.test(f));
  if (shipped.length > 0) failures.push(`${name}: the tarball would ship tests or test support: ${shipped.slice(0, 5).join(', ')}`);
  rows.push([name, info.version, String(info.entryCount), `${(info.size / 1024).toFixed(1)} kB`]);
}
const { formatTable } = await import('@snn/report');
process.stdout.write(formatTable(['package', 'version', 'files', 'packed'], rows, ['left', 'left', 'right', 'right']));
if (failures.length > 0) {
  console.error(`\nrelease-dry-run: ${failures.length} package(s) failed:\n` + failures.map((f) => `- ${f}`).join('\n'));
  process.exit(1);
}
console.log(`\nrelease-dry-run: all ${rows.length} packages would publish (nothing was uploaded)`);
