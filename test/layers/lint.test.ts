import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The layer rule (eslint.config.js) proven against one planted violation of each kind: a file
// written into each layer's folder (linted as text, nothing is written) that imports upward, or,
// in the pure core, reaches for Node.

const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${ROOT}/${path}` });
  return result!.messages.filter((m) => /layers|pure/.test(m.message)).map((m) => m.message);
}

const PLANTED: [string, string, string][] = [
  ['core imports node:fs', 'src/core/planted.ts', "import { readFileSync } from 'node:fs'; void readFileSync;"],
  ['core imports a bare Node module', 'src/core/score/planted.ts', "import { join } from 'path'; void join;"],
  ['core imports a Node module dynamically', 'src/core/planted.ts', "void import('node:os');"],
  ['core uses process', 'src/core/render/planted.ts', 'void process.env;'],
  ['core uses Buffer', 'src/core/answers/planted.ts', "void Buffer.from('x');"],
  ['core imports io', 'src/core/score/planted.ts', "import { say } from '../../io/output.js'; void say;"],
  ['core re-exports io', 'src/core/planted.ts', "export { say } from '../io/output.js';"],
  [
    'core imports a type from io',
    'src/core/planted.ts',
    "import type { CompiledFile } from '../io/bank-files.js'; type T = CompiledFile<1>; void (0 as unknown as T);",
  ],
  [
    'core imports app',
    'src/core/render/planted.ts',
    "import { publishReport } from '../../app/pipeline.js'; void publishReport;",
  ],
  ['core imports commands dynamically', 'src/core/planted.ts', "void import('../commands/report.js');"],
  ['core imports the cli', 'src/core/planted.ts', "import { main } from '../cli.js'; void main;"],
  ['io imports app', 'src/io/planted.ts', "import { publishReport } from '../app/pipeline.js'; void publishReport;"],
  ['io imports commands', 'src/io/planted.ts', "import { run } from '../commands/report.js'; void run;"],
  ['io imports app dynamically', 'src/io/planted.ts', "void import('../app/interactive/run.js');"],
  [
    'app imports commands',
    'src/app/interactive/planted.ts',
    "import { run } from '../../commands/report.js'; void run;",
  ],
  ['app imports the cli', 'src/app/planted.ts', "import { main } from '../cli.js'; void main;"],
  ['commands import the cli', 'src/commands/planted.ts', "void import('../cli.js');"],
];

describe('the layer rule', () => {
  it.each(PLANTED)('fails on a planted violation: %s', async (_kind, path, code) => {
    expect(await layerErrors(path, code)).not.toEqual([]);
  });

  it('passes the same imports where they run down the layers', async () => {
    const allowed: [string, string][] = [
      [
        'src/io/planted.ts',
        "import { readFileSync } from 'node:fs'; import { pct } from '../core/score/math.js'; void readFileSync; void pct; void process.env;",
      ],
      [
        'src/app/planted.ts',
        "import { say } from '../io/output.js'; void say; void import('../core/render/report.js');",
      ],
      ['src/commands/planted.ts', "import { publishReport } from '../app/pipeline.js'; void publishReport;"],
      ['src/cli.ts', "void import('./commands/report.js');"],
    ];
    for (const [path, code] of allowed) expect(await layerErrors(path, code), path).toEqual([]);
  });
});
