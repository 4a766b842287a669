#!/usr/bin/env node
// Workspace lint: module boundaries (DESIGN.md dependency direction), declared dependencies,
// and seeded randomness. Usage: node tools/lint/check.mjs <package dir>
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Which @snn packages each scope may import (DESIGN.md: ir <- neurons, synapses <- sim <- train). */
const allowed = {
  'scope:ir': [],
  'scope:neurons': ['ir'],
  'scope:synapses': ['ir'],
  'scope:sim': ['ir', 'neurons', 'synapses'],
  'scope:keras-import': ['ir', 'neurons', 'synapses'],
  'scope:train': ['ir', 'neurons', 'synapses', 'sim'],
  'scope:loihi': ['ir', 'neurons', 'synapses', 'sim', 'train', 'report'],
  'scope:data': ['ir'],
  'scope:report': ['ir'],
  'scope:nir': ['ir', 'neurons', 'synapses', 'sim', 'keras-import'],
  'scope:app': ['*'],
  'scope:tools': ['*'],
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
const importRe = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of files(join(dir, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(process.cwd(), file);
  const isTest = /\.(test|bench)\.ts$/.test(file);
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
  }
  if (!isTest && /\bMath\.random\s*\(/.test(text)) problems.push(`${rel}: Math.random in package code; take a seeded generator`);
}
if (problems.length) {
  console.error(`lint: ${problems.length} problem(s) in ${pkg.name}:\n` + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(`lint: ${pkg.name} ok`);
