// Bundles the CLI with esbuild: one small entry (commander only) and a chunk per command, loaded
// when that command runs. Then checks the built-in bank once and stores it as JSON, so no run has
// to parse and validate it again. See README "Design notes" for the measurements behind this.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'));
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'compile-bank': 'src/bank/compile.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __PM_DIAG_VERSION__: JSON.stringify(pkg.version) },
  // commander is CommonJS: give its bundled require() a real one.
  banner: { js: "import{createRequire as __pmDiagCreateRequire}from'node:module';const require=__pmDiagCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const { compileBuiltinBank } = await import(join(root, 'dist', 'compile-bank.js'));
try {
  writeFileSync(join(root, 'dist', 'pm-pmm.json'), JSON.stringify(compileBuiltinBank()));
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
rmSync(join(root, 'dist', 'compile-bank.js'));
