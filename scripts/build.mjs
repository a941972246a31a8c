// Bundles the CLI with esbuild into one CommonJS module body, dist/pm-diag.cjs (inside the function
// wrapper bin/load-bundle.js compiles), whose modules still run only when a command first imports
// them. Then checks the built-in bank once and stores it as JSON, so no run parses and validates it
// again; and last runs the common commands once to record V8's code cache for the bundle
// (bin/load-bundle.js reads it). README "Design notes" has the figures.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // PM_DIAG_NO_MINIFY=1 keeps the names, for reading a CPU profile (node --cpu-prof).
  minify: !process.env.PM_DIAG_NO_MINIFY,
  legalComments: 'none',
  define: { __PM_DIAG_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__pmDiagModuleUrl' },
  banner: { js: "const __pmDiagModuleUrl=require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  // The bundle runs through vm.Script, which has no import(): `await import('node:v8')` becomes a require.
  supported: { 'dynamic-import': false },
  plugins: [startupShims],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
// Written inside the function wrapper bin/load-bundle.js compiles: wrapping it at each start made a
// second 380 KB copy of the source, enough to bring the first garbage collection forward. The
// wrapper opens with "use strict", as the ES modules it was built from are (esbuild's own comes
// after the banner, where it is not a directive).
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/pm-diag.cjs',
  banner: { js: `(function (exports, require, module, __filename, __dirname) { 'use strict'; ${common.banner.js}` },
  footer: { js: '\n})' },
  plugins: [...common.plugins, dependenciesApart],
});
for (const { file, exports } of Object.values(APART)) await build({ ...common, stdin: { contents: exports, resolveDir: root }, outfile: join('dist', file) });

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

// The code cache holds what these runs compiled; anything else compiles lazily as usual.
const { loadBundle } = require(join(root, 'bin', 'load-bundle.js'));
const { main, saveCache } = loadBundle();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-build-'));
const example = join(root, 'examples', 'launch-orphaned.yaml');
const runs = [
  ['--help'],
  ['--version'],
  ['roles'],
  ['template'],
  ['validate', example],
  ...['terminal', 'markdown', 'json'].map((format) => ['assess', '--answers', example, '--format', format, '--out', join(scratch, `report.${format}`)]),
  ['report', join(root, 'examples', 'team'), '--format', 'markdown', '--out', join(scratch, 'team.md')],
];
const write = { out: process.stdout.write, err: process.stderr.write };
process.stdout.write = process.stderr.write = () => true;
try {
  for (const args of runs) await main(args);
} finally {
  process.stdout.write = write.out;
  process.stderr.write = write.err;
  rmSync(scratch, { recursive: true, force: true });
}
saveCache();
