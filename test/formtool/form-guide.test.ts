import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint as lintSync } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { parseCsvAnswers } from '../../src/core/answers/csv.js';
import { NOT_APPLICABLE, OWNERS, ROLES, UNKNOWN } from '../../src/core/answers/schema.js';
import { fieldsOf } from '../../src/core/bank/item-kinds.js';
import { bankItems } from '../../src/core/bank/items.js';
import { renderFormGuide } from '../../src/core/render/form-guide.js';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { csvLine, pickItems, scratchDir } from './helpers.js';

// `template --format form-guide`: every question to build, with the exact labels to paste; and what
// a form built from it exports is read back as the codes those labels stand for.

const bank = loadBank();
const guide = runCli(['template', '--format', 'form-guide']);

/** The text blocks after `marker` in the section of a question whose title holds `tag`. */
function blockAfter(tag: string, marker: 'Title:' | 'Choices:'): string[] {
  const start = guide.stdout.indexOf(`${tag}\n`);
  expect(start, tag).toBeGreaterThan(0);
  const section = guide.stdout.slice(guide.stdout.lastIndexOf('Title:', start));
  const block = section.slice(section.indexOf(marker)).match(/```text\n([\s\S]*?)\n```/)![1]!;
  return block.split('\n');
}

describe('template --format form-guide', () => {
  it('is markdown with how to build the form and read its export', () => {
    expect(guide.code, guide.stderr).toBe(0);
    expect(guide.stderr).toBe('');
    expect(guide.stdout).toMatch(/^# Form guide: /);
    expect(guide.stdout).toContain('## How to build the form');
    expect(guide.stdout).toContain('pm-diag report responses.csv');
  });

  it('passes markdownlint (line length aside, as for the report), with hostile bank text kept inside its block', () => {
    const lint = (text: string) =>
      (lintSync({ strings: { guide: text }, config: { default: true, MD013: false } }).guide ?? []).map(
        (e) => `${e.lineNumber}: ${e.ruleNames.join('/')}`,
      );
    expect(lint(guide.stdout)).toEqual([]);
    const hostile = structuredClone(bank);
    hostile.areas[0]!.responsibilities[0]!.title = 'Evil\n```\n# injected\u001b[31m';
    const text = renderFormGuide(hostile, bankItems(hostile), { form: 'full' });
    expect(text).not.toContain('\n# injected');
    expect(text).not.toContain('\u001b');
    expect(lint(text)).toEqual([]);
  });

  it('gives every question of every item in scope, its title ending in the tag', () => {
    const { responsibilities, interlock } = pickItems(bank);
    for (const item of [...responsibilities, interlock]) {
      for (const field of fieldsOf(item.kind))
        expect(blockAfter(`[${item.id}.${field}]`, 'Title:')).toEqual([
          expect.stringMatching(new RegExp(`\\[${item.id}\\.${field}\\]$`)),
        ]);
    }
    const titles = guide.stdout.match(/\[[a-z0-9-]+\.[a-z]+\]\n```/g) ?? [];
    const inScope = runCli(['template', '--format', 'csv']).stdout.match(/\[[a-z0-9-]+\.[a-z]+\]/g) ?? [];
    expect(titles).toHaveLength(inScope.length);
  });

  it('lists the choices whose labels an export is read back with, in the order of the codes', () => {
    const { responsibilities, interlock } = pickItems(bank);
    const owner = `[${responsibilities[0]!.id}.owner]`;
    const capability = `[${responsibilities[0]!.id}.capability]`;
    const delivery = `[${interlock.id}.delivery]`;
    const ownerLabels = blockAfter(owner, 'Choices:');
    const levelLabels = blockAfter(capability, 'Choices:');
    const deliveryLabels = blockAfter(delivery, 'Choices:');
    const roleLabels = blockAfter('[role]', 'Choices:');
    expect(ownerLabels).toHaveLength(OWNERS.length + 1);
    expect(ownerLabels.slice(0, 2)).toEqual([bank.functions.pm.name, bank.functions.pmm.name]);
    expect(levelLabels).toEqual([
      ...(['1', '2', '3', '4', '5'] as const).map((n) => `${n} - ${bank.scales.capability[n].label}`),
      "Don't know",
      'Not applicable',
    ]);
    expect(deliveryLabels[3]).toBe(`4 - ${bank.scales.delivery['4'].label}`);
    // One row per owner label: each reads back as its code, the levels and roles likewise.
    const header = csvLine(['respondent', 'role', owner, capability, delivery]);
    const rows = ownerLabels.map((label, i) =>
      csvLine([
        `R${i}`,
        roleLabels[i % roleLabels.length]!,
        label,
        label === 'Not applicable' ? '' : levelLabels[i % 6]!,
        deliveryLabels[i % 6]!,
      ]),
    );
    const { respondents } = parseCsvAnswers({ source: 'form.csv', text: `${header}\n${rows.join('\n')}\n` }, bank);
    const codes = [...OWNERS, NOT_APPLICABLE];
    const levels = [1, 2, 3, 4, 5, UNKNOWN];
    respondents.forEach((r, i) => {
      expect(r.role).toBe(ROLES[i % ROLES.length]);
      const answer = r.answers.get(responsibilities[0]!.id);
      if (codes[i] === NOT_APPLICABLE) expect(answer).toBe(NOT_APPLICABLE);
      else expect(answer).toEqual({ owner: codes[i], capability: levels[i % 6] });
      expect(r.answers.get(interlock.id)).toEqual({ delivery: levels[i % 6] });
    });
    expect(respondents).toHaveLength(OWNERS.length + 1);
  });

  it('follows --stage and --form like the other templates, and refuses to replace an answers file', () => {
    const full = runCli(['template', '--format', 'form-guide']).stdout;
    const rapid = runCli(['template', '--format', 'form-guide', '--form', 'rapid']).stdout;
    expect(rapid.length).toBeLessThan(full.length);
    expect(rapid).toContain('the rapid form');
    const answers = join(scratchDir('guide'), 'answers.yaml');
    writeFileSync(answers, `answers:\n  ${pickItems(bank).interlock.id}: { delivery: 3 }\n`);
    const refused = runCli(['template', '--format', 'form-guide', '--out', answers]);
    expect(refused.code).toBe(2);
    expect(readFileSync(answers, 'utf8')).toContain('delivery: 3');
  });
});
