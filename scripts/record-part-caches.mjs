// Build step (scripts/build.mjs): runs commands as bin/pm-diag.js would, with the compiler flags
// those commands get, then records the code cache of each part of the CLI they loaded, under those
// flags. Usage: node scripts/record-part-caches.mjs '<JSON list of argument lists>'
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadBundle } = require('../bin/load-bundle.js');
const { tuneCompiler } = require('../bin/compiler-tuning.js');

const runs = JSON.parse(process.argv[2]);
const bundle = loadBundle();
tuneCompiler(runs[0]);

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
  console.error(`recording the parts' caches: ${failed.map((args) => args.join(' ')).join('; ')} failed`);
  process.exit(1);
}
for (const part of bundle.parts.values()) part.saveCache();
