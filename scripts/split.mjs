// The bundle's rarely used parts (the HTML renderers, profile, export, the interactive flow, the
// questionnaire page) are built
// as files of their own, each with its own code cache, loaded the first time a run imports one of
// their modules: every other run reads and checks less. docs/architecture.md, "Start-up", and
// docs/startup.md have the why and the figures.
//
// A second bundle would carry its own copies of the modules it shares with the main one: another
// InputError class (exit.ts decides exit codes with instanceof), another record of the files read
// (the writer refuses to overwrite an input). So a part bundles only the modules the main bundle
// does not have; every module the main bundle has, the part gets from it at run time
// (`__pmDiagHost`), as it does another part's modules (through the main bundle's stub for them).
// No module runs twice.
import { build } from 'esbuild';
import { isAbsolute, join, relative } from 'node:path';

/** Each part: the modules the main bundle reaches by a dynamic import, which the part then holds. */
// A module that two parts use is an entry of one of them, so that the other gets it from the host.
export const PARTS = {
  html: ['src/render/report-html.ts', 'src/compare/render-html.ts', 'src/render/roles-html.ts'],
  profile: ['src/commands/profile.ts'],
  export: ['src/commands/export.ts'],
  interactive: ['src/interactive/run.ts', 'src/interactive/prompts.ts', 'src/interactive/screens.ts', 'src/interactive/session.ts', 'src/interactive/invocation.ts', 'src/answers/serialize.ts'],
  form: ['src/commands/form.ts'],
  // Imported statically by load/document.ts, and loaded only when a document is beyond the simple reader.
  yaml: ['src/load/yaml-document.ts'],
};

/**
 * Modules that only parts import, held by the main bundle for them: what every HTML page is built
 * with, which the reports, the questionnaire and the profile all use. In a part, each run that uses
 * one would load that part too (another file and cache) for a few kilobytes; in the main bundle they
 * run only when a part first asks for them.
 */
const HELD_FOR_PARTS = ['src/render/html/page.ts', 'src/render/svg/markup.ts', 'src/render/svg/style.ts'];

// Libraries a part may carry a copy of although the main bundle has one: handing over a whole
// library would keep the main bundle from dropping the parts of it that no command uses. Each holds
// no state that pm-diag shares between modules (yaml marks its nodes with Symbol.for, which both
// copies see alike; each zod schema is built and checked by the same copy).
const COPYABLE_LIBRARY = /(^|\/)node_modules\/(yaml|zod)\//;

export const partFile = (name) => `${name}.cjs`;
const entryName = (index) => `m${index}`;
const GUARD = { pmDiagSplit: true };

/** Resolves an import as esbuild would, to a path relative to the root (undefined for built-ins). */
async function resolvedKey(b, root, args) {
  if (args.pluginData === GUARD) return undefined;
  const result = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: GUARD });
  if (result.errors.length > 0 || result.external || result.namespace !== 'file' || !isAbsolute(result.path)) return undefined;
  return relative(root, result.path);
}

/** Which part holds the module at `key`, with its export name in that part. */
function partOf(key) {
  for (const [name, entries] of Object.entries(PARTS)) {
    const index = entries.indexOf(key);
    if (index >= 0) return { name, exportName: entryName(index) };
  }
  return undefined;
}

/** The names a module exports, from esbuild's reading of it alone. */
async function exportNamesOf(root, key) {
  const result = await build({ absWorkingDir: root, entryPoints: [key], bundle: false, format: 'esm', write: false, metafile: true, outdir: 'exports', logLevel: 'silent' });
  return Object.values(result.metafile.outputs)[0].exports;
}

/**
 * Main bundle side: each part's module becomes a stub that loads the part (bin/load-bundle.js
 * passes `__pmDiagLoadPart` to the bundle) and hands it the host modules it imports.
 * `hostKeys` (part → the main bundle's modules it uses) is empty on the first, measuring pass.
 * The stub's exports are getters, so that the part loads when one is first used rather than when the
 * stub is imported: a module may import a part's module statically (load/document.ts does).
 */
export function partStubs(root, hostKeys) {
  return {
    name: 'part-stubs',
    setup(b) {
      b.onResolve({ filter: /^[./]/ }, async (args) => {
        const key = await resolvedKey(b, root, args);
        return key !== undefined && partOf(key) !== undefined ? { path: key, namespace: 'part-stub' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'part-stub' }, async (args) => {
        const { name, exportName } = partOf(args.path);
        // Getters: a host module is required when the part first uses it, so that two parts that
        // use each other's modules do not load each other in a loop.
        const host = [...(hostKeys.get(name) ?? [])].map((key) => `get ${JSON.stringify(key)}() { return require(${JSON.stringify(join(root, key))}); }`);
        const exported = (await exportNamesOf(root, args.path)).map((key) => `get ${JSON.stringify(key)}() { return load()[${JSON.stringify(key)}]; }`);
        return {
          contents: [
            'let loaded;',
            `const load = () => (loaded ??= __pmDiagLoadPart(${JSON.stringify(partFile(name))}, { ${host.join(', ')} }).${exportName});`,
            `module.exports = { __esModule: true, ${exported.join(', ')} };`,
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/** Part side: a module the main bundle has (or another part holds) comes from the host. */
function fromHost(root, mainKeys, ownEntries, used) {
  return {
    name: 'from-host',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'from-host') return undefined;
        const key = await resolvedKey(b, root, args);
        if (key === undefined || ownEntries.includes(key)) return undefined;
        if (!(mainKeys.has(key) && key.startsWith('src/')) && partOf(key) === undefined) return undefined;
        used.add(key);
        return { path: key, namespace: 'from-host' };
      });
      b.onLoad({ filter: /.*/, namespace: 'from-host' }, (args) => ({ contents: `module.exports = __pmDiagHost[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}

/** The source files (relative to the root) in a build's metafile. */
const inputsOf = (metafile) => new Set(Object.keys(metafile.inputs).filter((key) => !key.includes(':')));

/**
 * Builds the main bundle (`mainOptions`) and the parts beside it. Returns, for the build's check,
 * which modules each part bundles.
 */
export async function buildSplit(root, dist, mainOptions, partOptions) {
  const measuring = await build({ ...mainOptions, write: false, metafile: true, plugins: [...mainOptions.plugins, partStubs(root, new Map())] });
  // The modules held for the parts reach the main bundle through the stubs that hand them over.
  const mainKeys = new Set([...inputsOf(measuring.metafile), ...HELD_FOR_PARTS]);
  const hostKeys = new Map();
  const bundled = new Map();
  for (const [name, entries] of Object.entries(PARTS)) {
    const used = new Set();
    const result = await build({
      ...partOptions,
      // Getters: a run that renders a report in HTML loads the comparison's renderer (and the main
      // bundle's comparison modules it uses) only if it asks for it.
      stdin: { contents: `module.exports = { ${entries.map((entry, index) => `get ${entryName(index)}() { return require(${JSON.stringify(`./${entry}`)}); }`).join(', ')} };`, resolveDir: root, sourcefile: `part-${name}.js` },
      outfile: join(dist, partFile(name)),
      metafile: true,
      plugins: [fromHost(root, mainKeys, entries, used), ...partOptions.plugins],
    });
    hostKeys.set(name, used);
    bundled.set(name, inputsOf(result.metafile));
  }
  const main = await build({ ...mainOptions, metafile: true, plugins: [...mainOptions.plugins, partStubs(root, hostKeys)] });
  const missing = HELD_FOR_PARTS.filter((key) => !inputsOf(main.metafile).has(key));
  if (missing.length > 0) throw new Error(`held for the parts but no part uses them: ${missing.join(', ')}`);
  return { mainKeys, bundled };
}

/** Modules that more than one bundle carries: each would run once per bundle, with its own state. */
export function duplicatedModules({ mainKeys, bundled }) {
  const owners = new Map();
  for (const key of mainKeys) owners.set(key, ['main']);
  for (const [name, keys] of bundled) for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), name]);
  return [...owners]
    .filter(([key, bundles]) => bundles.length > 1 && !COPYABLE_LIBRARY.test(key))
    .map(([key, bundles]) => `${key} (${bundles.join(', ')})`);
}
