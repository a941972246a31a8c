import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OWNERS, ROLES } from '../../src/core/answers/schema.js';
import { bankHash } from '../../src/core/bank/hash.js';
import { ITEM_KINDS, TEXT_FIELDS } from '../../src/core/bank/item-kinds.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { renderQuestionnaire, scriptJson, type QuestionnaireData } from '../../src/core/render/questionnaire/page.js';
import { QUESTIONNAIRE_SCRIPT } from '../../src/core/render/questionnaire/script.js';
import { ROOT } from '../helpers/cli.js';
import { RAPID_BANK_PATH } from './helpers.js';

// The questionnaire page as a string: what it embeds, what it lets run, and that no text of a bank
// can end its data block or reach the page as markup.

const HOSTILE = join(ROOT, 'test', 'fixtures', 'banks', 'hostile-text.yaml');
const BREAKOUT = '</script><script>window.__pwned = 1</script><!-- ';

/** The JSON data block of a page, parsed. */
function dataOf(html: string): QuestionnaireData {
  const block = html.match(/<script type="application\/json" id="pm-diag-data">([^<]*)<\/script>/);
  if (!block) throw new Error('no data block');
  return JSON.parse(block[1]!);
}

const inlineScripts = (html: string): string[] => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('the questionnaire page', () => {
  const hostile = renderQuestionnaire(loadBankFile(HOSTILE), { stage: null, form: 'full', organization: BREAKOUT });

  it("lets only its own script run: a CSP with that script's hash, nothing else allowed to load", () => {
    const csp = hostile.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    expect(csp).toBeDefined();
    const scripts = inlineScripts(hostile);
    expect(scripts).toEqual([QUESTIONNAIRE_SCRIPT]);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    const directives = Object.fromEntries(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      'script-src': [`'sha256-${hash}'`],
      'connect-src': ["'none'"],
      'form-action': ["'none'"],
      'base-uri': ["'none'"],
    });
  });

  it('keeps hostile bank text as text: no markup, no escape sequence, nothing ends the data block', () => {
    // The two script elements are the page's own: the data block and the script.
    expect(hostile.match(/<script/g)).toHaveLength(2);
    expect(hostile.match(/<\/script>/g)).toHaveLength(2);
    expect(hostile).not.toContain('<!--');
    expect(hostile).not.toContain('<script>alert(1)</script>');
    expect(hostile).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e\u2066\u2069]/);
    const data = dataOf(hostile);
    expect(data.organization).toBe(BREAKOUT);
    expect(data.items[0]!.section).toBe('Insight red | <script>alert(1)</script>');
    expect(data.bank.title).toBe('Hostile bank');
    expect(hostile).toContain('<title>Hostile bank: questionnaire</title>');
    expect(hostile).toContain('Questionnaire · for &lt;/script&gt;&lt;script&gt;');
  });

  it('has no external URL: no src or href, no url() in its style, no scheme anywhere', () => {
    for (const bank of [HOSTILE, RAPID_BANK_PATH, join(ROOT, 'questions', 'pm-pmm.yaml')]) {
      const html = renderQuestionnaire(loadBankFile(bank), { stage: null, form: 'full' });
      expect(html).not.toMatch(/\s(?:src|href|action|srcset)=/i);
      expect(html.match(/<style>([\s\S]*?)<\/style>/)?.[1]).not.toMatch(/url\(|@import/i);
      expect(html).not.toMatch(/[a-z]+:\/\//i);
    }
  });

  it("embeds the bank's id, version and content hash, the stage, the form, and the items in scope with their fields", () => {
    const bank = loadBankFile(RAPID_BANK_PATH);
    const data = dataOf(renderQuestionnaire(bank, { stage: 'startup', form: 'rapid' }));
    expect(data.bank).toEqual({ id: bank.id, version: bank.version, hash: bankHash(bank), title: bank.title });
    expect({ stage: data.stage, form: data.form, organization: data.organization }).toEqual({
      stage: 'startup',
      form: 'rapid',
      organization: null,
    });
    // The rapid items at the startup stage, read from the YAML itself rather than the code under test.
    const raw = parse(readFileSync(RAPID_BANK_PATH, 'utf8'));
    type RawItem = { id: string; rapid?: boolean; stages?: string[]; levels?: Record<string, Record<string, string>> };
    const asked = (item: RawItem) =>
      item.rapid === true && (item.stages === undefined || item.stages.includes('startup'));
    type RawArea = { responsibilities?: RawItem[]; practices?: RawItem[] };
    const askedOf = (list: RawItem[] | undefined, kind: string) =>
      (list ?? []).filter(asked).map((r) => ({ id: r.id, kind }));
    const expected = [
      ...raw.areas.flatMap((a: RawArea) => [
        ...askedOf(a.responsibilities, 'responsibility'),
        ...askedOf(a.practices, 'practice'),
      ]),
      ...askedOf(raw.interlock, 'interlock'),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect(data.items.map(({ id, kind }) => ({ id, kind }))).toEqual(expected);
    // Each kind's controls: a radio group per rated field, a text field for evidence and a note.
    for (const kind of ['responsibility', 'practice', 'interlock'] as const)
      expect(data.kinds[kind]).toEqual({ rated: ITEM_KINDS[kind].rated, text: TEXT_FIELDS });
    expect(data.owners.map((o) => o.value)).toEqual([...OWNERS]);
    expect(data.scales.capability!.map((l) => l.label)).toEqual(
      ['1', '2', '3', '4', '5'].map((n) => raw.scales.capability[n].label),
    );
    // An item with statements of its own for the levels carries them, in level order; the others none.
    const rawItems: RawItem[] = [
      ...raw.areas.flatMap((a: RawArea) => [...(a.responsibilities ?? []), ...(a.practices ?? [])]),
      ...raw.interlock,
    ];
    for (const item of data.items) {
      const own = rawItems.find((r) => r.id === item.id)!.levels;
      expect(item.levels, item.id).toEqual(
        own === undefined
          ? undefined
          : Object.fromEntries(
              Object.entries(own).map(([axis, l]) => [axis, ['1', '2', '3', '4', '5'].map((n) => l[n])]),
            ),
      );
    }
    expect(data.items.some((item) => item.levels !== undefined)).toBe(true);
    expect([data.unknown.value, data.notApplicable.value]).toEqual(['unknown', 'n/a']);
  });

  it("asks the respondent's name and role as native controls named respondent.name and respondent.role", () => {
    const html = renderQuestionnaire(loadBankFile(RAPID_BANK_PATH), { stage: null, form: 'full' });
    expect(html).toContain('<input type="text" id="respondent-name" name="respondent.name"');
    expect([...html.matchAll(/<input type="radio" name="respondent\.role" value="([^"]+)"/g)].map((m) => m[1])).toEqual(
      [...ROLES],
    );
    expect(html).toContain('>Download answers</button>');
    expect(html).toContain('>Copy answers</button>');
  });

  it('writes JSON that parses back to what it was, whatever the text', () => {
    const value = { a: BREAKOUT, b: 'line\u2028separator\u2029 & <!-- -->', c: ['"quoted"', '\\'] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
