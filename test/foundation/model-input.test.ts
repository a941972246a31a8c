import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvAnswers } from '../../src/core/answers/csv.js';
import { parseAnswers } from '../../src/core/answers/load.js';
import { bankHash } from '../../src/core/bank/hash.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { parseBank } from '../../src/core/bank/parse.js';
import { formatProblem } from '../../src/core/errors.js';
import { ANSWERS, BANKS, MINIMAL_BANK, linesOf } from './helpers.js';

// The version-2 bank format and the answers that go with it: stages, rapid items, contributors,
// migrations; stage, form, bank version and hash, evidence and `combined` in answers files and CSV.

const V2_PATH = join(BANKS, 'v2-minimal.yaml');
const V2_TEXT = readFileSync(V2_PATH, 'utf8');
const v2 = loadBankFile(V2_PATH);
const v1 = loadBankFile(MINIMAL_BANK);

/** The v2 bank with one piece of text replaced: a bad variant to check. */
function variant(from: string, to: string): string {
  expect(V2_TEXT).toContain(from);
  return V2_TEXT.replace(from, to);
}
const bankErrors = (text: string) => linesOf(() => parseBank({ source: 'b.yaml', text }));
const answers = (text: string, bank = v2) => parseAnswers({ source: 'a.yaml', text }, bank);
const answerErrors = (text: string, bank = v2) => linesOf(() => answers(text, bank));
const warningsOf = (text: string, bank = v2) => answers(text, bank).warnings.map(formatProblem);

describe('the version-2 bank format', () => {
  it('loads with every new field; the v1 bank still loads without any of them', () => {
    expect(Object.keys(v2.stages!)).toEqual(['startup', 'growth', 'enterprise']);
    expect(v2['default-stage']).toBe('growth');
    expect(v2.areas[0]!.responsibilities[0]).toMatchObject({
      contributors: ['pmm', 'sales'],
      rapid: true,
      targets: { startup: 2 },
      evidence: 'Interview notes from the last quarter.',
    });
    expect(v2.migrations!['1']!.removed).toEqual(['old-survey']);
    expect(v1.stages).toBeUndefined();
  });

  it('names an unknown stage in an item, its targets and default-stage, listing the bank’s stages', () => {
    const text = variant('stages: [growth, enterprise]', 'stages: [growth, scale-up]')
      .replace('targets: { startup: 2 }', 'targets: { seed: 2 }')
      .replace('default-stage: growth', 'default-stage: mature');
    expect(bankErrors(text)).toEqual([
      'b.yaml:8:16: default-stage: unknown stage "mature" (expected one of the bank\'s stages: startup, growth, enterprise)',
      'b.yaml:46:26: areas.0.responsibilities.0.targets.seed: unknown stage "seed" (expected one of the bank\'s stages: startup, growth, enterprise)',
      'b.yaml:63:26: areas.0.responsibilities.2.stages.1: unknown stage "scale-up" (expected one of the bank\'s stages: startup, growth, enterprise)',
    ]);
  });

  it('refuses stages on an item of a bank that declares none', () => {
    const text = readFileSync(MINIMAL_BANK, 'utf8').replace(
      '        weight: 3\n',
      '        weight: 3\n        stages: [growth]\n',
    );
    expect(bankErrors(text)).toEqual([
      'b.yaml:37:18: areas.0.responsibilities.0.stages.0: unknown stage "growth" (expected no stage: the bank declares none (add "stages"))',
    ]);
  });

  it('refuses a contributor that is the accountable owner, is listed twice, or is no function', () => {
    expect(bankErrors(variant('contributors: [pmm, sales]', 'contributors: [pm, sales, sales]'))).toEqual([
      'b.yaml:41:24: areas.0.responsibilities.0.contributors.0: "pm" is accountable for this responsibility (owner: pm), so it cannot also be a contributor (expected contributors other than the accountable owner)',
      'b.yaml:41:35: areas.0.responsibilities.0.contributors.2: "sales" is listed twice (expected each contributor once)',
    ]);
    expect(bankErrors(variant('contributors: [pmm, sales]', 'contributors: [pmm, finance]'))).toEqual([
      'b.yaml:41:29: areas.0.responsibilities.0.contributors.1: invalid value (found "finance", expected pm, pmm, sales, marketing, cs, engineering, leadership, other)',
    ]);
    expect(bankErrors(variant('owner: shared', 'owner: shared\n        contributors: [pmm]'))[0]).toContain(
      '"pmm" is accountable for this responsibility (owner: shared)',
    );
  });

  it('refuses migrations that lead to an id this version does not have, or that are not older', () => {
    expect(
      bankErrors(
        variant('removed: [old-survey]', 'removed: [old-survey]\n  2: { renamed: { a: b } }').replace(
          'renamed: { market-discovery: market-problems }',
          'renamed: { market-discovery: market-problem }',
        ),
      ),
    ).toEqual([
      'b.yaml:93:34: migrations.1.renamed.market-discovery: "market-discovery" is renamed to "market-problem", which this bank does not have (expected the id of an item of this version of the bank)',
      'b.yaml:96:6: migrations.2: a migration from version 2, which is not older than this bank (version 2) (expected a version below 2)',
      'b.yaml:96:22: migrations.2.renamed.a: "a" is renamed to "b", which this bank does not have (expected the id of an item of this version of the bank)',
    ]);
  });
});

describe('answers: stage, form, bank version and hash, evidence, combined', () => {
  it('loads stage, form, evidence and combined', () => {
    const { respondent, warnings } = answers(
      'stage: startup\nform: rapid\nanswers:\n  market-problems: { owner: combined, capability: 3, capacity: 2, evidence: notes }\n  positioning: { owner: pmm, capability: 2, capacity: 2 }\n  operating-model: n/a\n  win-loss-feedback: { delivery: 3 }\n',
    );
    expect(warnings).toEqual([]);
    expect(respondent.stage).toBe('startup');
    expect(respondent.form).toBe('rapid');
    expect(respondent.answers.get('market-problems')).toEqual({
      owner: 'combined',
      capability: 3,
      capacity: 2,
      evidence: 'notes',
    });
  });

  it('a rapid file is only missing the rapid items of its stage', () => {
    expect(warningsOf('form: rapid\nanswers:\n  market-problems: { owner: pm, capability: 3, capacity: 2 }\n')).toEqual(
      ['a.yaml:3:3: warning: answers: 3 of 4 items unanswered: positioning, operating-model, win-loss-feedback'],
    );
  });

  it('refuses an unknown stage, listing the bank’s stages, and a bad form', () => {
    expect(answerErrors('stage: seed\nform: quick\nanswers: {}\n').sort()).toEqual([
      'a.yaml:1:8: stage: unknown stage "seed" (expected one of the bank\'s stages: startup, growth, enterprise)',
      'a.yaml:2:7: form: invalid value (found "quick", expected rapid or full)',
    ]);
    expect(answerErrors('stage: growth\nanswers: {}\n', v1)).toEqual([
      'a.yaml:1:8: stage: unknown stage "growth" (expected no stage: the bank "mini-bank" declares none)',
    ]);
  });

  it('warns when bank-hash differs from the bank’s content hash, and hashes nothing without one', () => {
    const all =
      'answers:\n  market-problems: n/a\n  positioning: n/a\n  pricing: n/a\n  operating-model: n/a\n  win-loss-feedback: n/a\n';
    expect(bankHash(v2)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bankHash(v2)).toBe(bankHash(parseBank({ source: 'again.json', text: JSON.stringify(v2) })));
    expect(bankHash(v2)).not.toBe(bankHash(v1));
    expect(warningsOf(`bank-version: 2\nbank-hash: ${bankHash(v2)}\n${all}`)).toEqual([]);
    const [warning] = warningsOf(`bank-version: 2\nbank-hash: sha256:0000\n${all}`);
    expect(warning).toMatch(
      /^a\.yaml:2:12: warning: bank-hash: the answers were made with other questions under the same bank id and version/,
    );
    expect(warning).toContain(`expected ${bankHash(v2)}`);
  });
});

describe('migrations: answers of version 1 against the version-2 bank', () => {
  it('renamed and merged answers move to their new ids, a second answer for a merged item and a removed one are set aside, with one warning', () => {
    const { respondent, warnings } = parseAnswers(
      { source: 'old.yaml', text: readFileSync(join(ANSWERS, 'v1-for-v2.yaml'), 'utf8') },
      v2,
    );
    expect([...respondent.answers.keys()]).toEqual([
      'pricing',
      'operating-model',
      'win-loss-feedback',
      'market-problems',
      'positioning',
    ]);
    expect(respondent.answers.get('market-problems')).toEqual({
      owner: 'pm',
      capability: 3,
      capacity: 2,
      note: 'kept under its new id',
    });
    expect(respondent.answers.get('positioning')).toEqual({ owner: 'pmm', capability: 4, capacity: 4 });
    expect(warnings.map(formatProblem)).toEqual([
      'old.yaml:3:15: warning: bank-version: the answers were made with version 1 of "mini-bank" and are read as version 2: moved market-discovery → market-problems (renamed), messaging → positioning (merged); set aside (kept in the file, not scored): naming (merged into positioning, which already has an answer), old-survey (removed)',
    ]);
  });

  it('old ids without a bank-version are migrated too; an id no migration knows is still an error', () => {
    expect(warningsOf('answers:\n  market-discovery: { capability: 2 }\n  old-survey: n/a\n')[0]).toBe(
      'a.yaml:2:3: warning: answers: answers under ids of an earlier version of "mini-bank": moved market-discovery → market-problems (renamed); set aside (kept in the file, not scored): old-survey (removed)',
    );
    expect(answerErrors('bank-version: 1\nanswers:\n  market-problem: { capability: 2 }\n')).toEqual([
      'a.yaml:3:3: answers.market-problem: unknown item id "market-problem" (did you mean "market-problems"?) (expected an id from the bank "mini-bank" (pm-diag template lists them))',
    ]);
  });

  it('a newer bank-version than the bank is a warning', () => {
    expect(
      warningsOf(
        'bank-version: 3\nanswers:\n  market-problems: n/a\n  positioning: n/a\n  pricing: n/a\n  operating-model: n/a\n  win-loss-feedback: n/a\n',
      ),
    ).toEqual([
      'a.yaml:1:15: warning: bank-version: the answers were made with version 3 of "mini-bank", newer than this one (version 2); items it added are reported as unknown',
    ]);
  });
});

describe('CSV: evidence, organization and stage columns', () => {
  it('reads them, and checks the stage against the bank', () => {
    const header = 'Name,Role,Organization,Stage,market-problems.capability,market-problems.evidence';
    const { respondents } = parseCsvAnswers(
      { source: 'f.csv', text: `${header}\nAnn,pm,Acme,Startup,4,battlecard v4\n` },
      v2,
    );
    expect(respondents[0]).toMatchObject({ name: 'Ann', organization: 'Acme', stage: 'startup' });
    expect(respondents[0]!.answers.get('market-problems')).toEqual({ capability: 4, evidence: 'battlecard v4' });
    expect(linesOf(() => parseCsvAnswers({ source: 'f.csv', text: `${header}\nAnn,pm,Acme,seed,4,\n` }, v2))).toEqual([
      'f.csv:2:4: stage: unknown stage "seed" (expected one of the bank\'s stages: startup, growth, enterprise)',
    ]);
  });
});
