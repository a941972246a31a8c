// Bundles the CLI with esbuild into one CommonJS file, dist/pm-diag.cjs, that bin/pm-diag.js loads
// (a command's own modules still run only when it first imports them), and the facilitator page's
// script, the core bundled for a browser, into dist/facilitator-script.js, which `kit` reads.
// Then checks the built-in bank and profile once and stores each as JSON beside the bundle, with the
// text of the YAML it came from: a run uses the JSON only while the YAML still has that text.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cliBundle, common, root } from './bundle-options.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

let steps = 0;
/** Bundles one entry into a scratch file and requires it (a build step that runs project code). */
async function runEntry(entry, use) {
  // In dist/, where the bundle will run: the code finds the package's files from its own folder.
  const outfile = join(dist, `build-step-${process.pid}-${++steps}.cjs`);
  await build({ ...common, entryPoints: [entry], outfile });
  try {
    return use(require(outfile));
  } finally {
    rmSync(outfile, { force: true });
  }
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
// The questionnaire's Content-Security-Policy allows its one script by hash: worked out once here.
const scriptSource = await runEntry('src/core/render/questionnaire/page.ts', (m) => m.questionnaireScriptSource());
// The facilitator page's script: the core (answers, team, scoring, renderers) bundled for the browser,
// which `kit` puts in the page. csv-parse's browser build carries the Buffer it uses.
const kitScript = await build({
  ...common,
  entryPoints: ['src/core/kit/page-script.ts'],
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  define: {},
  alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
}).then((result) => result.outputFiles[0].text);
writeFileSync(join(dist, 'facilitator-script.js'), kitScript);
await build({
  ...cliBundle,
  outfile: 'dist/pm-diag.cjs',
  define: {
    ...cliBundle.define,
    __PM_DIAG_VERSION__: JSON.stringify(pkg.version),
    __PM_DIAG_QUESTIONNAIRE_SCRIPT_SOURCE__: JSON.stringify(scriptSource),
  },
});

// The built-in bank and profile, checked by the code that checks a user's own files.
// The format is src/io/bank-files.ts's `CompiledFile`.
for (const [entry, compile, yaml, json] of [
  ['src/io/bank-compile.ts', 'compileBuiltinBank', 'questions/pm-pmm.yaml', 'pm-pmm.json'],
  ['src/io/profile-files.ts', 'compileBuiltinProfile', 'questions/profile.yaml', 'profile.json'],
]) {
  try {
    const content = await runEntry(entry, (m) => m[compile]());
    const source = readFileSync(join(root, yaml), 'utf8');
    writeFileSync(join(dist, json), JSON.stringify({ source, content }));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
