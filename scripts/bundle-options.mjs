// The esbuild options of the CLI bundle, dist/pm-diag.cjs: scripts/build.mjs writes it with them, and
// test/foundation/startup.cli.test.ts reads the module graph they give.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // PM_DIAG_NO_MINIFY=1 keeps the names, for reading a CPU profile (node --cpu-prof).
  minify: !process.env.PM_DIAG_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.dirname': '__dirname' },
};

// Modules whose loading would cost every run while few runs use them. Where the importer matches,
// it gets a stand-in whose exports load the real module (still in the bundle) on first use.
export const LAZY_MODULES = [
  // commander's subcommands that are separate programs, which pm-diag has none of.
  { module: 'node:child_process', importer: /[/\\]node_modules[/\\]commander[/\\]/ },
  // The `yaml` library reads what the simple reader declines (src/core/document/simple-yaml.ts).
  { module: 'yaml', importer: /[/\\]src[/\\]/ },
];
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    for (const { module, importer } of LAZY_MODULES) {
      build.onResolve({ filter: new RegExp(`^${module}$`) }, (args) =>
        importer.test(args.importer) ? { path: module, namespace: 'lazy' } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => ({
      contents: [
        `let real;`,
        `const load = () => (real ??= require(${JSON.stringify(path)}));`,
        ...Object.keys(require(path)).map(
          (name) =>
            `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`,
        ),
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** The CLI: one CommonJS file, in which a module runs only when a command first imports it. */
export const cliBundle = { ...common, entryPoints: ['src/cli.ts'], plugins: [lazyModules] };
