import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What a run initialises before its command's work, read from the module graph of the CLI bundle
// (scripts/bundle-options.mjs). In that bundle a module runs when a module importing it statically
// runs; one reached only through `import()` runs when the import happens; a lazy stand-in loads its
// module on first use. So a command initialises what src/cli.ts and its command module reach by
// static imports. (In the cli lane: esbuild runs as a process of its own.)

const { cliBundle } = (await import('../../scripts/bundle-options.mjs' as string)) as {
  cliBundle: Record<string, unknown>;
};
const { metafile } = (await build({ ...cliBundle, write: false, metafile: true, outfile: 'pm-diag.cjs' })) as {
  metafile: Metafile;
};

/** Every module (and Node built-in) that runs when `entries` run, following static imports only. */
function initialised(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const input = metafile.inputs[path];
    if (input === undefined || path.startsWith('lazy:')) return;
    for (const edge of input.imports) if (edge.kind !== 'dynamic-import') visit(edge.path);
  };
  entries.forEach(visit);
  return seen;
}

const packagesOf = (modules: Set<string>): string[] =>
  [...modules].flatMap((path) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []);

/** What no start-up case needs: each is loaded on first use, by the command that uses it. */
const HEAVY = ['yaml', 'zod', '@noble/hashes', 'csv-parse', 'hyparquet-writer', '@inquirer/core', 'chalk'];

describe('what a run initialises', () => {
  it('--version and --help: commander and the program, no library that reads or writes files', () => {
    const modules = initialised('src/cli.ts');
    expect(new Set(packagesOf(modules))).toEqual(new Set(['commander']));
    expect(modules).not.toContain('node:child_process');
    expect(modules).toContain('lazy:node:child_process');
  });

  it.each(['assess', 'report', 'form'])('%s: neither yaml, zod nor hashing, nor the form-export readers', (command) => {
    const modules = initialised('src/cli.ts', `src/commands/${command}.ts`);
    expect(modules).toContain(`src/commands/${command}.ts`);
    // The answers and the bank go through the simple reader; the library waits behind its stand-in.
    expect(modules).toContain('src/core/document/document.ts');
    expect(modules).toContain('lazy:yaml');
    // The quick checks take a well-formed file, and the build stored the built-in bank with its hash.
    expect(modules).toContain('lazy:zod/mini');
    const packages = packagesOf(modules);
    for (const heavy of HEAVY) expect(packages).not.toContain(heavy);
    expect(modules).not.toContain('src/core/answers/form-export.ts');
    expect(modules).not.toContain('src/core/answers/form-map.ts');
    expect(modules).not.toContain('node:child_process');
    expect(modules).not.toContain('node:crypto');
  });

  it('the yaml library is in the bundle, behind its stand-in', () => {
    expect(packagesOf(initialised('lazy:yaml'))).toEqual([]);
    expect(packagesOf(new Set(metafile.inputs['lazy:yaml']!.imports.map((edge) => edge.path)))).toEqual(['yaml']);
  });

  it('zod is in the bundle behind its stand-in, with only what src/ uses of it', () => {
    expect(packagesOf(initialised('lazy:zod/mini'))).toEqual([]);
    expect(metafile.inputs['lazy:zod/mini']!.imports.map((edge) => edge.path)).toEqual(['used:zod/mini']);
    const used = [...initialised('used:zod/mini')];
    expect(new Set(packagesOf(new Set(used)))).toEqual(new Set(['zod']));
    // A stand-in that took every export of zod/mini would keep most of what it imports.
    const output = Object.values(metafile.outputs)[0]!.inputs;
    const sum = (bytes: (path: string) => number | undefined) =>
      used.reduce((total, path) => total + (bytes(path) ?? 0), 0);
    expect(sum((path) => output[path]?.bytesInOutput)).toBeLessThan(sum((path) => metafile.inputs[path]?.bytes) / 5);
  });
});
