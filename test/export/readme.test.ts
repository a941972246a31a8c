import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/core/export/columns.js';
import { ROOT } from '../helpers/cli.js';

// The README's column table is the documentation people read: it must say what the code writes.

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README, "Analysing many assessments"', () => {
  it('lists every export column in order, with whether it can be empty and what it means', () => {
    const section = README.slice(README.indexOf('## Analysing many assessments'));
    const rows = section
      .slice(0, section.indexOf('\n## ', 4))
      .split('\n')
      .filter((line) => /^\| `[a-z_]+` \|/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |`| \|$/g, '')));
    expect(rows.map(([name, , nullable, meaning]) => ({ name, nullable: nullable === 'yes', meaning }))).toEqual(
      EXPORT_COLUMNS.map((c) => ({ name: c.name, nullable: c.nullable, meaning: c.description.replaceAll('`', '') })),
    );
  });
});
