// Bundles the CLI with esbuild into one CommonJS module body, dist/pm-diag.cjs (inside the function
// wrapper bin/load-bundle.js compiles), whose modules still run only when a command first imports
// them, and its rarely used parts into files of their own (scripts/split.mjs). Then checks the
// built-in bank once and stores it as JSON, so no run parses and validates it again; and last runs
// commands to record V8's code caches (bin/load-bundle.js reads them). docs/startup.md has the figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSplit, duplicatedModules, PARTS, partFile } from './split.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

// Two modules that dependencies load at start-up for what pm-diag never uses. commander requires
// child_process for executable subcommands (1.5 ms: it brings net, dgram and more); it now loads on
// first use. chalk runs supports-color, which loads tty and net to guess the terminal's colours
// (3.7 ms), but pm-diag always gives chalk the level itself (src/render/colors.ts): it gets "none".
const STARTUP_SHIMS = {
  'node:child_process': {
    importer: /[\\/]node_modules[\\/]commander[\\/]/,
    contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
  },
  '#supports-color': {
    importer: /[\\/]node_modules[\\/]chalk[\\/]/,
    contents: 'export default { stdout: false, stderr: false };',
  },
};
const startupShims = {
  name: 'startup-shims',
  setup(b) {
    b.onResolve({ filter: /^(node:child_process|#supports-color)$/ }, (args) =>
      STARTUP_SHIMS[args.path].importer.test(args.importer) ? { path: args.path, namespace: 'startup-shim' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'startup-shim' }, (args) => ({ contents: STARTUP_SHIMS[args.path].contents, loader: 'js' }));
  },
};

// Two dependencies serve one rare input or output each: the Parquet writer `export --format parquet`,
// fflate the unpacking of an XLSX form export. Each is a file of its own, required on first use, so
// that no other command's start-up reads and checks it as part of the bundle.
const APART = {
  'hyparquet-writer': { file: 'hyparquet-writer.cjs', exports: "export { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';" },
  fflate: { file: 'fflate.cjs', exports: "export { unzipSync } from 'fflate';" },
};
const dependenciesApart = {
  name: 'dependencies-apart',
  setup(b) {
    b.onResolve({ filter: /^(hyparquet-writer|fflate)$/ }, (args) => ({ path: args.path, namespace: 'dependencies-apart' }));
    b.onLoad({ filter: /.*/, namespace: 'dependencies-apart' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(APART[args.path].file)}));`,
      loader: 'js',
    }));
  },
};

// The questionnaire's CSP allows its one script by hash (src/render/questionnaire/page.ts): worked
// out here once, so that no run loads node:crypto for it.
async function questionnaireScriptSource() {
  const outfile = join(tmpdir(), `pm-diag-script-source-${process.pid}.cjs`);
  await build({ absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', logLevel: 'warning', entryPoints: ['src/render/questionnaire/page.ts'], outfile });
  try {
    return require(outfile).questionnaireScriptSource();
  } finally {
    rmSync(outfile);
  }
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // PM_DIAG_NO_MINIFY=1 keeps the names, for reading a CPU profile (node --cpu-prof).
  minify: !process.env.PM_DIAG_NO_MINIFY,
  legalComments: 'none',
  define: {
    __PM_DIAG_VERSION__: JSON.stringify(pkg.version),
    __PM_DIAG_QUESTIONNAIRE_SCRIPT_SOURCE__: JSON.stringify(await questionnaireScriptSource()),
    // The folder of the bundle, as CommonJS gives it: no file URL to make and parse back at each start.
    'import.meta.dirname': '__dirname',
  },
  logLevel: 'warning',
  // The bundle runs through vm.Script, which has no import(): `await import('node:v8')` becomes a require.
  // Unicode property escapes (`\p{Script=Greek}`) stay regular expression literals, which V8 parses
  // on first use, rather than becoming `new RegExp(...)`, parsed as each module loads.
  supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
  plugins: [startupShims],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
// Written inside the function wrapper bin/load-bundle.js compiles: wrapping it at each start made a
// second 380 KB copy of the source, enough to bring the first garbage collection forward. The
// wrapper opens with "use strict", as the ES modules it was built from are (esbuild's own comes
// after the banner, where it is not a directive).
// The main bundle's wrapper also takes the loader of the parts (scripts/split.mjs); a part's, the
// main bundle's modules it uses.
const wrapped = (...extra) => ({
  banner: { js: `(function (exports, require, module, __filename, __dirname, ${extra.join(', ')}) { 'use strict';` },
  footer: { js: '\n})' },
});
const split = await buildSplit(
  root,
  dist,
  { ...common, ...wrapped('__pmDiagLoadPart'), entryPoints: ['src/cli.ts'], outfile: 'dist/pm-diag.cjs', plugins: [...common.plugins, dependenciesApart] },
  { ...common, ...wrapped('__pmDiagHost'), plugins: [...common.plugins, dependenciesApart] },
);
// A module in two bundles would run twice, each copy with its own state: none may.
const duplicated = duplicatedModules(split);
if (duplicated.length > 0) {
  console.error(`Modules in more than one bundle:\n  ${duplicated.join('\n  ')}`);
  process.exit(1);
}
for (const { file, exports } of Object.values(APART)) await build({ ...common, stdin: { contents: exports, resolveDir: root }, outfile: join('dist', file) });

// One character beyond ASCII makes V8 hold the whole source as a two-byte string: twice the memory,
// and an earlier first garbage collection. esbuild escapes such characters in strings, not always in
// regular expression literals. (An unminified build keeps comments, which may have such characters.)
const beyondAscii = !common.minify ? [] : readdirSync(dist).filter((file) => file.endsWith('.cjs') && /[^\x00-\x7f]/.test(readFileSync(join(dist, file), 'latin1')));
if (beyondAscii.length > 0) {
  console.error(`Bundles with characters beyond ASCII (write them as \\u escapes in the source): ${beyondAscii.join(', ')}`);
  process.exit(1);
}

/** Checks a built-in YAML file with the code that checks a user's own, and stores it as JSON in dist/. */
async function compileBuiltin(entry, compile, json) {
  const outfile = join(dist, `compile-${json}.cjs`);
  await build({ ...common, entryPoints: [entry], outfile });
  try {
    writeFileSync(join(dist, json), JSON.stringify(require(outfile)[compile]()));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  } finally {
    rmSync(outfile);
  }
}

// The built-in bank, and the profile of `pm-diag profile`.
await compileBuiltin('src/bank/compile.ts', 'compileBuiltinBank', 'pm-pmm.json');
await compileBuiltin('src/profile/load.ts', 'compileBuiltinProfile', 'profile.json');

// Each file bin/load-bundle.js compiles ends with an id of its content, which its caches repeat.
const { stampBuildId } = require(join(root, 'bin', 'load-bundle.js'));
for (const file of ['pm-diag.cjs', ...Object.keys(PARTS).map(partFile)]) stampBuildId(join(dist, file));

// The code caches, each recorded in a fresh process by the runs that will use it (scripts/record-caches.mjs):
// the bundle's for runs that name no command, the bundle's for the common commands, and each part's,
// by the commands that load it, in one process per set of compiler flags (V8 rejects a cache made
// under other flags). What no recording run compiled compiles lazily as usual.
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-build-'));
const example = join(root, 'examples', 'launch-orphaned.yaml');
const commandRuns = [
  ['roles'],
  ['template'],
  ['validate', example],
  ...['terminal', 'markdown', 'json'].map((format) => ['assess', '--answers', example, '--format', format, '--out', join(scratch, `report.${format}`)]),
  ['report', join(root, 'examples', 'team'), '--format', 'markdown', '--out', join(scratch, 'team.md')],
];
const partRuns = [
  ['assess', '--answers', example, '--format', 'html', '--out', join(scratch, 'report.html')],
  ['roles', '--format', 'html', '--out', join(scratch, 'roles.html')],
  ['report', join(root, 'examples', 'team'), '--format', 'html', '--out', join(scratch, 'team.html')],
  ['compare', example, join(root, 'examples', 'mature.yaml'), '--format', 'html', '--out', join(scratch, 'compare.html')],
  ...['terminal', 'html'].map((format) => ['profile', '--answers', join(root, 'examples', 'profile', 'sam-ortiz.yaml'), '--format', format, '--out', join(scratch, `profile.${format}`)]),
  ['export', join(root, 'examples', 'team'), '--out', join(scratch, 'export.csv')],
  ['form', '--out', join(scratch, 'questionnaire.html')],
  // A bank file is beyond the simple YAML reader: the yaml part reads it, with and without the flags.
  ['validate', join(root, 'questions', 'pm-pmm.yaml')],
  ['assess', '--bank', join(root, 'questions', 'pm-pmm.yaml'), '--answers', example, '--format', 'json', '--out', join(scratch, 'bank.json')],
];
const { compilerFlagsFor } = require(join(root, 'bin', 'compiler-tuning.js'));
const nodeMajor = Number(process.versions.node.split('.')[0]);
const partsByFlags = new Map();
for (const args of partRuns) {
  const flags = compilerFlagsFor(args, nodeMajor).join(' ');
  partsByFlags.set(flags, [...(partsByFlags.get(flags) ?? []), args]);
}
const recordings = [
  ['bundle', [['--help'], ['--version']]],
  ['bundle', commandRuns],
  ...[...partsByFlags.values()].map((group) => ['parts', group]),
];
try {
  for (const [what, runs] of recordings) {
    const recorded = spawnSync(process.execPath, [join(root, 'scripts', 'record-caches.mjs'), what, JSON.stringify(runs)], { stdio: 'inherit' });
    if (recorded.status !== 0) process.exit(1);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
