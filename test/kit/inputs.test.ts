import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, inputKind, type InputCache, type InputFile } from '../../src/core/answers/inputs.js';
import { formatProblem } from '../../src/core/errors.js';
import { checkRespondents } from '../../src/io/collect.js';
import { loadBank } from '../../src/io/bank-files.js';
import { ROOT } from '../helpers/cli.js';

// The facilitator page's collector: files held in memory (name, bytes, time) read by the same
// loaders as `report`, each file on its own, so a bad one is named and the others still count.

const bank = loadBank();
const TEAM = join(ROOT, 'examples/team');
const teamFiles = readdirSync(TEAM)
  .sort()
  .map((name) => join(TEAM, name));
const held = (path: string, modified = 0): InputFile => ({
  name: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(path)),
  modified,
});
const text = (name: string, content: string): InputFile => ({
  name,
  bytes: new TextEncoder().encode(content),
  modified: 0,
});

describe('collectInputs', () => {
  it('reads answers files into the same respondents as report reads from the folder', async () => {
    const page = await collectInputs(
      teamFiles.map((f) => held(f)),
      bank,
      { team: {} },
    );
    const cli = await checkRespondents([TEAM], bank, { team: {} });
    expect(cli.value).toBeDefined();
    const strip = (rs: { source: string }[]) => rs.map(({ source: _, ...rest }) => rest);
    expect(strip(page.respondents)).toEqual(strip(cli.value!.respondents));
    expect(page.files.map((f) => f.name)).toEqual(['alex.yaml', 'morgan.yaml', 'priya.yaml', 'tomas.yaml']);
    expect(page.teamProblems).toEqual([]);
  });

  it('names a broken file with its line and column, and still reads the others', async () => {
    const broken = text('broken.yaml', 'answers:\n  foo: [\n');
    const page = await collectInputs([broken, ...teamFiles.map((f) => held(f))], bank, { team: {} });
    expect(page.respondents).toHaveLength(4);
    const [bad] = page.files;
    expect(bad!.respondents).toEqual([]);
    expect(bad!.problems.map(formatProblem)[0]).toMatch(/^broken\.yaml:3:1: /);
  });

  it('refuses what it cannot read: another kind of file, bad UTF-8, a workbook that is not one', async () => {
    const page = await collectInputs(
      [
        text('notes.pdf', '%PDF'),
        { name: 'latin1.csv', bytes: new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), modified: 0 },
        text('fake.xlsx', 'not a zip'),
      ],
      bank,
    );
    const messages = page.files.map((f) => f.problems.map(formatProblem).join('\n'));
    expect(messages[0]).toBe(
      'notes.pdf: not a file pm-diag reads ' +
        '(expected an answers file (.yaml, .yml, .json) or a form export (.csv, .xlsx, .zip))',
    );
    expect(messages[1]).toMatch(/^latin1\.csv:2:1: the file is not UTF-8/);
    expect(messages[2]).toMatch(/^fake\.xlsx: not an XLSX workbook/);
    expect(page.respondents).toEqual([]);
  });

  it('makes one team as report does: a person twice is refused; --latest keeps the later file', async () => {
    const alex = readFileSync(teamFiles[0]!, 'utf8');
    const again = alex.replace(/capability: 2/, 'capability: 3');
    expect(again).not.toBe(alex);
    const files = [text('alex.yaml', alex), { ...text('alex-again.yaml', again), modified: 10 }];
    const refused = await collectInputs(files, bank, { team: {} });
    expect(refused.teamProblems.map(formatProblem).join('\n')).toMatch(
      /answered 2 times with different answers: alex\.yaml, alex-again\.yaml/,
    );
    const latest = await collectInputs(files, bank, { team: { latest: true } });
    expect(latest.respondents.map((r) => r.source)).toEqual(['alex-again.yaml']);
  });

  it('reads a file once when given a cache: a new option only chooses the team again', async () => {
    const file = text('alex.yaml', readFileSync(teamFiles[0]!, 'utf8'));
    const cache: InputCache = new WeakMap();
    const first = await collectInputs([file], bank, { cache });
    file.bytes = new TextEncoder().encode('not: [valid');
    const again = await collectInputs([file], bank, { cache, team: { latest: true } });
    expect(again.respondents).toEqual(first.respondents);
    const uncached = await collectInputs([file], bank);
    expect(uncached.respondents).toEqual([]);
  });

  it('names a spreadsheet it does not read (.xls, .ods) and how to save it, as report does', async () => {
    const page = await collectInputs([text('Responses.XLS', 'x'), text('sheet.ods', 'x')], bank);
    expect(page.files.map((f) => f.problems.map((p) => formatProblem(p)))).toEqual([
      [
        'Responses.XLS: an Excel 97-2003 workbook, which pm-diag does not read (expected a form export as .xlsx or .csv: save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", or download it from the form tool as one)',
      ],
      [
        'sheet.ods: an OpenDocument spreadsheet, which pm-diag does not read (expected a form export as .xlsx or .csv: save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", or download it from the form tool as one)',
      ],
    ]);
  });

  it('knows each kind by its extension, as report does', () => {
    const names = ['a.yaml', 'b.YML', 'c.json', 'd.csv', 'e.XLSX', 'g.zip', 'h.html', 'i.md', 'f.txt'];
    expect(names.map(inputKind)).toEqual([
      'answers',
      'answers',
      'answers',
      'export',
      'export',
      'export',
      'page',
      'page',
      undefined,
    ]);
  });
});
