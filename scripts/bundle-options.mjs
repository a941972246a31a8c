// The esbuild options of the CLI bundle, dist/pm-diag.cjs: scripts/build.mjs writes it with them, and
// test/foundation/startup.cli.test.ts reads the module graph they give.
import { readdirSync, readFileSync } from 'node:fs';
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
// `used: true` gives the stand-in only what src/ imports of the module as values, and keeps the
// rest of it out of the bundle: a stand-in's `require()` would otherwise take every export.
const SRC = /[/\\]src[/\\]/;
export const LAZY_MODULES = [
  // commander's subcommands that are separate programs, which pm-diag has none of.
  { module: 'node:child_process', importer: /[/\\]node_modules[/\\]commander[/\\]/ },
  // The `yaml` library reads what the simple reader declines (src/core/document/simple-yaml.ts).
  { module: 'yaml', importer: SRC },
  // zod says what is wrong with a file the quick checks turn down (src/core/answers/schema.ts), and
  // checks a bank given with --bank; a well-formed file and the built-in bank need neither it nor
  // a bank's hash worked out.
  { module: 'zod/mini', importer: SRC, used: true },
  { module: '@noble/hashes/sha2.js', importer: SRC, used: true },
  { module: '@noble/hashes/utils.js', importer: SRC, used: true },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The text of every TypeScript module in src/. */
function sourceTexts() {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(root, 'src', file), 'utf8'));
}

/** The names `sources` import from `module` as values: `import { a, b } from` it, or `z.a` after `import * as z from` it. */
function valuesImported(module, sources) {
  const names = new Set();
  const imports = new RegExp(`^import (?:\\* as (\\w+)|\\{([^}]*)\\}) from '${escapeRegExp(module)}';`, 'gm');
  for (const text of sources) {
    for (const [, namespace, named] of text.matchAll(imports)) {
      if (namespace) for (const use of text.matchAll(new RegExp(`\\b${namespace}\\.(\\w+)`, 'g'))) names.add(use[1]);
      for (const part of named?.split(',') ?? []) names.add(part.trim().split(/\s+as\s+/)[0]);
    }
  }
  // Type-only names (`z.infer`, `import { type T }`) are no export of the module.
  return [...names].filter((name) => Object.hasOwn(require(module), name)).sort();
}

const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const lazy = new Map(LAZY_MODULES.map((entry) => [entry.module, entry]));
    // Both the stand-in and its `used:` module ask: the sources are read once a build.
    let sources;
    const exports = new Map();
    const exported = (module) => {
      if (!exports.has(module))
        exports.set(
          module,
          lazy.get(module).used ? valuesImported(module, (sources ??= sourceTexts())) : Object.keys(require(module)),
        );
      return exports.get(module);
    };
    for (const { module, importer } of LAZY_MODULES) {
      build.onResolve({ filter: new RegExp(`^${escapeRegExp(module)}$`) }, (args) =>
        importer.test(args.importer) ? { path: module, namespace: 'lazy' } : undefined,
      );
    }
    // What the stand-in of a `used` module loads: those names, and what they need, from the module.
    build.onResolve({ filter: /^used:/ }, (args) => ({ path: args.path.slice('used:'.length), namespace: 'used' }));
    build.onLoad({ filter: /.*/, namespace: 'used' }, ({ path }) => ({
      contents: `export { ${exported(path).join(', ')} } from ${JSON.stringify(path)};`,
      loader: 'js',
      resolveDir: root,
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => ({
      contents: [
        `let real;`,
        `const load = () => (real ??= require(${JSON.stringify(lazy.get(path).used ? `used:${path}` : path)}));`,
        ...exported(path).map(
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
