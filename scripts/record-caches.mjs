// Build step (scripts/build.mjs): runs commands in a fresh process as bin/pm-diag.js would, then
// records the code cache they made. `bundle`: the main bundle's cache for runs like these (recorded
// before the compiler flags are set, as the bundle is loaded). `parts`: the cache of each part of the
// CLI the runs loaded, under the compiler flags those runs get.
// Usage: node scripts/record-caches.mjs bundle|parts '<JSON list of argument lists>'
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadBundle } = require('../bin/load-bundle.js');
const { tuneCompiler } = require('../bin/compiler-tuning.js');

const [what, runsJson] = process.argv.slice(2);
const runs = JSON.parse(runsJson);
const bundle = loadBundle(runs[0]);
if (what === 'parts') tuneCompiler(runs[0]);

const write = process.stdout.write;
process.stdout.write = () => true;
const codes = [];
try {
  for (const args of runs) codes.push(await bundle.main(args));
} finally {
  process.stdout.write = write;
}
const failed = runs.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  console.error(`recording the code cache: ${failed.map((args) => args.join(' ')).join('; ')} failed`);
  process.exit(1);
}
if (what === 'bundle') bundle.saveCache();
else for (const part of bundle.parts.values()) part.saveCache();
