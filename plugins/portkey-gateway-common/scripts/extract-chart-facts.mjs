#!/usr/bin/env node
// Regenerates src/chart/chart-1.7.7.facts.json from the chart reference material
// (../shared/portkey-chart): the key paths of the chart's default values.yaml and the
// environment keys that the chart README or REFERENCE.md document. We keep these facts,
// not a copy of the chart's files, so tests can check that everything we render exists.
//
//   node plugins/portkey-gateway-common/scripts/extract-chart-facts.mjs [chartDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const YAML = require('yaml');

const chartDir = resolve(
  process.argv[2] ?? resolve(here, '../../../../shared/portkey-chart'),
);
const values = YAML.parse(
  readFileSync(resolve(chartDir, 'values.yaml'), 'utf8'),
);
const docs = ['UPSTREAM-README.md', 'REFERENCE.md']
  .map(f => readFileSync(resolve(chartDir, f), 'utf8'))
  .join('\n');

// A path ends at a scalar, an empty map ({}: free-form, any child allowed) or a list.
const keyPaths = [];
const freeFormPaths = [];
function walk(node, path) {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const keys = Object.keys(node);
    if (keys.length === 0) freeFormPaths.push(path.join('.'));
    for (const key of keys) walk(node[key], [...path, key]);
    return;
  }
  keyPaths.push(path.join('.'));
}
walk(values, []);

const defaultEnvKeys = Object.keys(values.environment.data);
// Defaults a values file inherits unless it overrides them (null = empty).
const defaultEnvValues = Object.fromEntries(
  Object.entries(values.environment.data).map(([k, v]) => [
    k,
    v === null ? null : String(v),
  ]),
);
// Upper-case identifiers the docs show (in tables, code spans or yaml blocks).
// Upper-case identifiers the docs show (in tables, code spans or yaml blocks), plus the
// default keys of values.yaml itself (PORT has no underscore to be found by).
const documentedEnvKeys = [
  ...new Set([
    ...[...docs.matchAll(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)].map(
      m => m[1],
    ),
    ...defaultEnvKeys,
  ]),
].sort();

const facts = {
  source: 'portkey-chart 1.7.7 (values.yaml, UPSTREAM-README.md, REFERENCE.md)',
  keyPaths,
  freeFormPaths,
  defaultEnvKeys,
  defaultEnvValues,
  documentedEnvKeys,
};
const out = resolve(here, '../src/chart/chart-1.7.7.facts.json');
writeFileSync(out, `${JSON.stringify(facts, null, 2)}\n`);
process.stdout.write(
  `wrote ${out}: ${keyPaths.length} key paths, ${defaultEnvKeys.length} default env keys, ${documentedEnvKeys.length} documented env keys\n`,
);
