import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBuiltin, type CompiledFile } from '../../src/io/bank-files.js';

// The build stores a built-in YAML file as checked JSON with the YAML's text; a run uses the JSON only
// while the YAML beside it still has that text, whatever the file times say.

let root: string;
const yaml = 'questions/thing.yaml';
const json = 'dist/thing.json';

function lay(yamlText: string, compiled: CompiledFile<string>): void {
  writeFileSync(join(root, yaml), yamlText);
  writeFileSync(join(root, json), JSON.stringify(compiled));
}
const fromYaml = (path: string) => `parsed ${path.endsWith(yaml) ? 'yaml' : path}`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pm-diag-builtin-'));
  for (const dir of ['questions', 'dist']) mkdirSync(join(root, dir));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadBuiltin', () => {
  it('uses the compiled JSON while the YAML has the text it was compiled from, even when the YAML is newer', () => {
    lay('a: 1\n', { source: 'a: 1\n', content: 'compiled' });
    // A plain `cp -r` gives every file a new time: the YAML may well be newer than the JSON.
    utimesSync(join(root, yaml), new Date(), new Date(Date.now() + 60_000));
    expect(loadBuiltin(yaml, json, fromYaml, root)).toBe('compiled');
  });

  it('reads the YAML again when its content changed since the build', () => {
    lay('a: 2\n', { source: 'a: 1\n', content: 'compiled' });
    utimesSync(join(root, json), new Date(), new Date(Date.now() + 60_000));
    expect(loadBuiltin(yaml, json, fromYaml, root)).toBe('parsed yaml');
  });

  it('reads the YAML when there is no compiled JSON', () => {
    writeFileSync(join(root, yaml), 'a: 1\n');
    expect(loadBuiltin(yaml, json, fromYaml, root)).toBe('parsed yaml');
  });
});
