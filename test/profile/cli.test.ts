import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { checkJsonSchema } from '../foundation/json-schema.js';

// The three subcommands through the built binary (npm test builds first).

const SAM = 'examples/profile/sam-ortiz.yaml';
const TEAM = 'examples/profile-team';
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pm-diag-profile-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function inputError(result: CliResult): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const V1_KEYS = ['schemaVersion', 'profile', 'respondent', 'tendency', 'label', 'confidence', 'dimensions'];

describe('pm-diag profile --answers', () => {
  it('prints the JSON contract for the example: the version 1 keys first, then consistency and the rest', () => {
    const json = JSON.parse(ok(runCli(['profile', '--answers', SAM, '--format', 'json'])));
    expect(Object.keys(json)).toEqual([
      ...V1_KEYS,
      'rater',
      'answered',
      'items',
      'consistency',
      'repeats',
      'inconclusive',
      'reason',
      'reasons',
      'styles',
      'caution',
    ]);
    // 38 of 39 questions answered; 13 of the 15 pairs asked twice got the same answer.
    expect(json).toMatchObject({
      schemaVersion: 2,
      profile: { id: 'pm-pmm-tendency', version: 2 },
      respondent: { name: 'Sam Ortiz' },
      tendency: 41.2,
      label: 'leans outbound',
      confidence: 38 / 39,
      rater: 'self',
      answered: 38,
      items: 39,
      consistency: 73.3,
      repeats: { asked: 15, compared: 15, same: 13, needed: 8 },
      inconclusive: false,
      reason: null,
      reasons: [],
    });
    expect(json.caution).toContain('no population norms');
    expect(json.dimensions.map((d: { id: string }) => d.id)).toEqual([
      'information',
      'insight',
      'free-time',
      'success',
      'setbacks',
      'writing',
    ]);
    expect(json.styles.map((st: { id: string; left: string; right: string }) => [st.id, st.left, st.right])).toEqual([
      ['pace', 'Thorough', 'Quick'],
      ['scope', 'Deep', 'Broad'],
      ['structure', 'Planned', 'Adaptive'],
    ]);
  });

  it('shows the strip, every dimension, the consistency, strengths, pairing and the caution in the terminal and markdown', () => {
    for (const format of ['terminal', 'markdown']) {
      const text = ok(runCli(['profile', '--answers', SAM, '--format', format]));
      const flat = text.replace(/\\(?=[()])/g, '').replace(/\s+/g, ' ');
      expect(text, format).toContain('+41.2');
      expect(text, format).toContain('leans outbound');
      expect(text, format).toMatch(/├─+┼─+┼─+┼─+┼─+┤/);
      expect(flat, format).toContain('73 (13 of 15 pairs asked twice got the same answer; 60 needed)');
      expect(flat, format).toContain('38 of 39 questions (97%; a result needs 28)');
      for (const title of [
        'Where they get their information',
        'What they write best',
        'How they handle a lost deal',
        'Breadth or depth',
      ])
        expect(text, format).toContain(title);
      expect(text, format).toMatch(/good at/i);
      expect(text, format).toMatch(/pair it with/i);
      expect(flat, format).toContain('not a test: nobody should be hired or rejected on this');
      expect(flat, format).toContain('It has no population norms');
      expect(flat, format).toContain(
        'For a hiring decision, use the structured interview guide instead: pm-diag profile interview.',
      );
    }
  });

  it('writes a self-contained HTML page with an SVG strip, the consistency and the caution, inferred from --out', () => {
    const out = join(dir, 'sam.html');
    expect(ok(runCli(['profile', '--answers', SAM, '--out', out]))).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    );
    expect(html).toMatch(
      /<svg role="img" aria-labelledby="strip-title"[^>]*><title id="strip-title">Tendency of Sam Ortiz on a strip from strongly inbound/,
    );
    expect(html).not.toMatch(/(src|href)=|url\(|https?:/);
    expect(html).toContain('not a test');
    expect(html).toContain('no population norms');
    expect(html).toContain(
      '<strong>Consistency:</strong> 73 (13 of 15 pairs asked twice got the same answer; 60 needed)',
    );
  });

  it('is inconclusive, in every format, for answers that leave most questions out', () => {
    const answers = write(
      'few.yaml',
      'respondent: { name: Few }\nanswers: { info-new-market: b, info-monday: a, insight-rival: b, insight-trend: b, free-week: b, success-proud: a, setback-deal: b, writing-brief: a, info-new-market-again: b, free-week-again: b }\n',
    );
    const json = JSON.parse(ok(runCli(['profile', '--answers', answers, '--format', 'json'])));
    expect(json).toMatchObject({
      tendency: 100,
      label: 'inconclusive',
      inconclusive: true,
      reasons: ['too-few-answers', 'consistency-not-measured'],
      answered: 10,
      items: 39,
    });
    expect(json.reason).toContain('only 10 of 39 questions are answered, and a result needs at least 28 (70%)');
    for (const format of ['terminal', 'markdown', 'html']) {
      const text = ok(runCli(['profile', '--answers', answers, '--format', format]))
        .replace(/\\(?=[()])/g, '')
        .replace(/\s+/g, ' ');
      expect(text, format).toContain('Inconclusive: only 10 of 39 questions are answered');
      expect(text, format).toContain('no population norms');
      expect(text, format).toMatch(
        /Consistency:?(\*\*|<\/strong>)? not measured: 2 of the 15 pairs asked twice were answered both times \(8 needed\)/,
      );
      expect(text, format).toMatch(
        /Tendency:?(\*\*|<\/strong>)? inconclusive \(\+100\.0 on these answers, not read as a result\)/,
      );
    }
  });

  it('is inconclusive for answers given at random, and for an answered-twice-differently pattern', () => {
    const json = JSON.parse(
      ok(runCli(['profile', '--answers', 'examples/profile-team/dee-park.yaml', '--format', 'json'])),
    );
    expect(json).toMatchObject({ label: 'inconclusive', consistency: 33.3, reasons: ['low-consistency'] });
    expect(json.dimensions.every((d: { label: string }) => d.label === 'inconclusive')).toBe(true);
  });

  it('escapes a hostile name in every format', () => {
    const answers = write(
      'evil.yaml',
      'respondent: { name: "<script>alert(1)</script> **x** \\e[31m" }\nanswers: { info-new-market: a }\n',
    );
    const html = ok(runCli(['profile', '--answers', answers, '--format', 'html']));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = ok(runCli(['profile', '--answers', answers, '--format', 'markdown']));
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\*\\*x\\*\\*');
    for (const text of [html, md, ok(runCli(['profile', '--answers', answers]))]) expect(text).not.toContain('\u001b');
  });

  it('reads stdin with -', () => {
    const json = JSON.parse(
      ok(
        runCli(['profile', '--answers', '-', '--format', 'json'], {
          input: '{"answers": {"free-week": "b", "setback-deal": "a"}}',
        }),
      ),
    );
    expect(json).toMatchObject({ tendency: 0, label: 'inconclusive', respondent: { name: null } });
  });
});

describe('version 1 answers', () => {
  const V1 = 'test/fixtures/profile/v1-sam-ortiz.yaml';

  it('are refused with one clear problem saying what to do, exit 2, in every command that reads them', () => {
    const expected = `${V1}:9:17: answers.info-sources: this is a version 1 profile answers file: version 2 of the profile asks new pairs of statements, answered a or b, with no "both", and version 1 answers cannot be carried over to them (found "outbound", expected answers to version 2: take the profile again with pm-diag profile --save NEW.yaml, or, for an interviewer, write a new sheet with pm-diag profile interview --sheet NEW.yaml)`;
    expect(inputError(runCli(['profile', '--answers', V1]))).toBe(`pm-diag: ${expected}\n`);
    const team = join(dir, 'team');
    mkdirSync(team);
    copyFileSync(V1, join(team, 'old.yaml'));
    copyFileSync('examples/profile-team/ana-ruiz.yaml', join(team, 'ana.yaml'));
    expect(inputError(runCli(['profile', 'team', team]))).toContain(
      `${join(team, 'old.yaml')}:9:17: answers.info-sources: this is a version 1 profile answers file`,
    );
    const validate = runCli(['validate', V1]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('this is a version 1 profile answers file');
  });
});

describe('bad input', () => {
  it('names an unknown item id with a did-you-mean and a bad choice, with positions, exit 2', () => {
    const answers = write('a.yaml', 'profile: pm-pmm-tendency\nanswers:\n  free-weak: a\n  setback-deal: sideways\n');
    const stderr = inputError(runCli(['profile', '--answers', answers]));
    expect(stderr).toContain(
      `${answers}:3:3: answers.free-weak: unknown question id "free-weak" (did you mean "free-week"?)`,
    );
    expect(stderr).toContain(
      `${answers}:4:17: answers.setback-deal: invalid value (found "sideways", expected a or b, the statement picked`,
    );
  });

  it('points at broken YAML', () => {
    const answers = write('b.yaml', 'answers:\n  free-week: [inbound\n');
    expect(inputError(runCli(['profile', '--answers', answers]))).toMatch(
      new RegExp(`^pm-diag: ${answers.replace(/[.]/g, '\\.')}:\\d+:\\d+: `),
    );
  });

  it('points at a broken profile bank passed with --profile', () => {
    const bank = write('p.yaml', 'id: x\nversion: 1\ntitle: t\ntendencies: {}\ndimensions: []\n');
    const stderr = inputError(runCli(['profile', '--answers', SAM, '--profile', bank]));
    expect(stderr).toContain(`${bank}:4:13: tendencies.inbound: missing`);
    expect(stderr).toContain(`${bank}:5:13: dimensions: invalid value (found a list, expected at least one dimension)`);
  });

  it('refuses to write the output over the answers file', () => {
    const answers = write('a.yaml', readFileSync(SAM, 'utf8'));
    expect(inputError(runCli(['profile', '--answers', answers, '--format', 'terminal', '--out', answers]))).toContain(
      'an input of this run',
    );
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(SAM, 'utf8'));
  });

  it('does not prompt without a terminal, or with CI set, and points at --answers', () => {
    for (const env of [{}, { CI: 'true' }]) {
      const stderr = inputError(runCli(['profile', '--save', join(dir, 'p.yaml')], { env }));
      expect(stderr).toContain('pm-diag profile --answers');
      expect(stderr).toContain('pm-diag profile interview --sheet');
      expect(stderr).toContain('Run pm-diag profile in a terminal');
    }
  });

  it('exits 2 on a bad option of a subcommand, as on any command', () => {
    expect(inputError(runCli(['profile', 'team', TEAM, '--bogus']))).toContain("unknown option '--bogus'");
    expect(inputError(runCli(['profile', 'interview', '--format', 'json']))).toContain(
      'Allowed choices are terminal, markdown',
    );
  });

  it('names an unknown dimension with a did-you-mean', () => {
    expect(inputError(runCli(['profile', 'interview', '--dimension', 'setback']))).toContain(
      '--dimension: found "setback" (did you mean "setbacks"?)',
    );
  });
});

describe('pm-diag profile interview', () => {
  it('gives every dimension its questions, both kinds of answer, follow-ups and a scoring sheet, and says it is the hiring tool', () => {
    const md = ok(runCli(['profile', 'interview', '--format', 'markdown']));
    expect(md.match(/^## \d\. /gm)).toHaveLength(6);
    expect(md.match(/^\*\*Ask:\*\*$/gm)).toHaveLength(6);
    expect(md.match(/^\*\*An inbound answer sounds like:\*\*$/gm)).toHaveLength(6);
    expect(md.match(/^\*\*Follow-ups that separate a real tendency from a rehearsed answer:\*\*$/gm)).toHaveLength(6);
    expect(md.replace(/\s+/g, ' ')).toContain(
      'This guide, not the self-report profile, is the tool for a hiring decision',
    );
    expect(md).toContain('## Scoring sheet');
    expect(md).toContain('rater: interviewer');
    // The 18 inbound/outbound pairs, once each: no style pair and no repeat on an interviewer's sheet.
    expect(md.match(/^ {2}[a-z]+-[a-z-]+:$/gm)).toHaveLength(18);
    expect(md).not.toMatch(/-again:$/m);
  });

  it('keeps to the chosen dimensions', () => {
    const text = ok(runCli(['profile', 'interview', '--dimension', 'setbacks', '--dimension', 'writing']));
    expect(text).toContain('How they handle a lost deal');
    expect(text).toContain('What they write best');
    expect(text).not.toContain('Where they get their information');
    expect(text.match(/^ {2}[a-z]+-[a-z-]+:$/gm)).toHaveLength(6);
  });

  it('writes a scoring sheet that profile --answers reads once filled in, and will not overwrite it', () => {
    const sheet = join(dir, 'candidate.yaml');
    ok(runCli(['profile', 'interview', '--dimension', 'setbacks', '--sheet', sheet]));
    const empty = JSON.parse(ok(runCli(['profile', '--answers', sheet, '--format', 'json'])));
    expect(empty).toMatchObject({
      tendency: null,
      label: 'inconclusive',
      confidence: 0,
      rater: 'interviewer',
      consistency: null,
      items: 18,
    });
    const filled = readFileSync(sheet, 'utf8')
      .replace('setback-deal:', 'setback-deal: a')
      .replace('setback-price:', 'setback-price: b')
      .replace('name:', 'name: Candidate A');
    writeFileSync(sheet, filled);
    const json = JSON.parse(ok(runCli(['profile', '--answers', sheet, '--format', 'json'])));
    // Two of 18 pairs: the direction shows per dimension, but the whole is inconclusive.
    expect(json).toMatchObject({
      respondent: { name: 'Candidate A' },
      tendency: -100,
      label: 'inconclusive',
      confidence: 2 / 18,
      reasons: ['too-few-answers'],
    });
    expect(json.dimensions.find((d: { id: string }) => d.id === 'setbacks')).toEqual({
      id: 'setbacks',
      tendency: -100,
      label: 'inconclusive',
      answered: 2,
    });
    expect(inputError(runCli(['profile', 'interview', '--sheet', sheet]))).toContain('already exists');
    expect(readFileSync(sheet, 'utf8')).toBe(filled);
  });

  it("gives a full interviewer's sheet a result without a consistency, which it does not measure", () => {
    const sheet = join(dir, 'full.yaml');
    ok(runCli(['profile', 'interview', '--sheet', sheet]));
    const filled = readFileSync(sheet, 'utf8').replace(/^( {2}[a-z-]+):$/gm, '$1: a');
    writeFileSync(sheet, filled);
    const json = JSON.parse(ok(runCli(['profile', '--answers', sheet, '--format', 'json'])));
    expect(json).toMatchObject({
      rater: 'interviewer',
      answered: 18,
      items: 18,
      consistency: null,
      repeats: null,
      inconclusive: false,
    });
    const text = ok(runCli(['profile', '--answers', sheet])).replace(/\s+/g, ' ');
    expect(text).toContain("an interviewer's scoring sheet");
    expect(text).toContain("Consistency not measured: an interviewer's scoring sheet asks nothing twice");
  });
});

describe('pm-diag profile team', () => {
  it("puts everyone conclusive on one strip with the team's balance, and lists who was left out", () => {
    const text = ok(runCli(['profile', 'team', TEAM]));
    for (const name of ['Ana Ruiz', 'Ben Okafor', 'Cy Lindqvist', 'Dee Park']) expect(text).toContain(name);
    expect(text).toContain('Balance     -42.6  leans inbound');
    expect(text).toMatch(/├─+┼/);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('3 profiles count; 1 profile is inconclusive and left out of the balance and the advice.');
    expect(flat).toContain('left out: consistency 33');
    expect(flat).toContain(
      "someone who leans outbound would balance it; 1 inconclusive profile is left out of the team's balance",
    );
    expect(flat).toContain('no population norms');
  });

  it('with a diagnosis, weighs capacity gaps by accountable owner and names the next hire from the conclusive profiles', () => {
    const report = join(dir, 'report.json');
    ok(runCli(['assess', '--answers', 'examples/launch-orphaned.yaml', '--format', 'json', '--out', report]));
    const json = JSON.parse(ok(runCli(['profile', 'team', TEAM, '--diagnosis', report, '--format', 'json'])));
    const items = JSON.parse(readFileSync(report, 'utf8')).items.filter(
      (i: { kind: string }) => i.kind === 'responsibility',
    );
    const expected = (owner: string) =>
      Math.round(
        100 *
          items
            .filter((i: { owner: { recommended: string } }) => i.owner.recommended === owner)
            .reduce(
              (sum: number, i: { weight: number; target: number; capacity: number | null }) =>
                sum + i.weight * Math.max(0, i.target - (i.capacity ?? i.target)),
              0,
            ),
      ) / 100;
    expect(json.capacity.pm).toBe(expected('pm'));
    expect(json.capacity.pmm).toBe(expected('pmm'));
    expect(json.hire).toBe(json.capacity.pmm > json.capacity.pm ? 'outbound' : 'inbound');
    expect(json.members).toHaveLength(4);
    expect(json).toMatchObject({ schemaVersion: 2, balance: -42.6, counted: 3, leftOut: 1 });
    expect(json.members.map((m: { label: string }) => m.label)).toEqual([
      'strongly inbound',
      'leans inbound',
      'balanced',
      'inconclusive',
    ]);
    expect(json.sentence).toMatch(
      /^Hire someone who leans (inbound|outbound): .*; 1 inconclusive profile is left out of the team's balance\.$/,
    );
    expect(json.caution).toContain('no population norms');
  });

  it('names a person who gave no name by their file, in the text but not in the JSON', () => {
    const team = join(dir, 'team');
    mkdirSync(team);
    copyFileSync('examples/profile-team/ana-ruiz.yaml', join(team, 'anon.yaml'));
    writeFileSync(
      join(team, 'anon.yaml'),
      readFileSync(join(team, 'anon.yaml'), 'utf8').replace('name: Ana Ruiz', 'name:'),
    );
    expect(ok(runCli(['profile', 'team', team]))).toMatch(/^ {3}1 {2}anon\.yaml +-83\.3/m);
    expect(JSON.parse(ok(runCli(['profile', 'team', team, '--format', 'json']))).members[0].respondent).toEqual({
      name: null,
    });
  });

  it('draws the conclusive members on the team strip as SVG in HTML', () => {
    const html = ok(runCli(['profile', 'team', TEAM, '--format', 'html']));
    expect(html).toMatch(/<svg role="img"[^>]*><title id="strip-title">Each person&#39;s tendency/);
    // Three conclusive people and the team's balance; Dee Park is in the table only.
    expect(html.match(/<circle /g)).toHaveLength(4);
    expect(html).toContain('<title>the team&#39;s balance: -42.6</title>');
    expect(html).toContain('<td>inconclusive (consistency 33)</td>');
    expect(html).toContain('no population norms');
  });

  it('says so when nobody is conclusive, and gives no side', () => {
    const team = join(dir, 'team');
    mkdirSync(team);
    copyFileSync('examples/profile-team/dee-park.yaml', join(team, 'dee.yaml'));
    writeFileSync(join(team, 'few.yaml'), 'answers: { info-new-market: a }\n');
    const json = JSON.parse(ok(runCli(['profile', 'team', team, '--format', 'json'])));
    expect(json).toMatchObject({ balance: null, label: null, hire: 'either', counted: 0, leftOut: 2 });
    const md = ok(runCli(['profile', 'team', team, '--format', 'markdown']));
    expect(md).toContain('Nobody has a conclusive profile: nothing to place on the strip.');
    expect(md).toContain('No profile counts; 2 profiles are inconclusive and left out of the balance and the advice.');
  });

  it('reports every bad file and a bad diagnosis together, with positions, exit 2', () => {
    const team = join(dir, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'a.yaml'), 'answers: { info-new-market: a }\n');
    writeFileSync(join(team, 'b.yaml'), 'answers: { info-new-market: maybe }\n');
    const report = write('report.json', '{"schemaVersion": 2}');
    const stderr = inputError(runCli(['profile', 'team', team, '--diagnosis', report]));
    expect(stderr).toContain(`${join(team, 'b.yaml')}:1:29: answers.info-new-market: invalid value (found "maybe"`);
    expect(stderr).toContain(
      `${report}:1:19: schemaVersion: invalid value (found 2, expected 1 (a report of this version of pm-diag))`,
    );
  });
});

describe('pm-diag schema profile', () => {
  it('validates the built-in profile and the example answers', async () => {
    const { parse } = await import('yaml');
    const bank = JSON.parse(ok(runCli(['schema', 'profile'])));
    expect(bank.title).toBe('pm-diag profile bank');
    expect(checkJsonSchema(bank, parse(readFileSync('questions/profile.yaml', 'utf8')))).toEqual([]);
    expect(checkJsonSchema(bank, { id: 'x' }).length).toBeGreaterThan(0);
    const answers = JSON.parse(ok(runCli(['schema', 'profile-answers'])));
    expect(checkJsonSchema(answers, parse(readFileSync(SAM, 'utf8')))).toEqual([]);
    expect(checkJsonSchema(answers, { answers: { x: 'sideways' } }).length).toBeGreaterThan(0);
    expect(checkJsonSchema(answers, { answers: { x: 'both' } }).length).toBeGreaterThan(0);
    expect(checkJsonSchema(answers, { rater: 'interviewer', answers: { x: 'a' } })).toEqual([]);
  });
});

describe('the README', () => {
  it('shows the real output of the team example', () => {
    const report = join(dir, 'report.json');
    ok(runCli(['assess', '--answers', 'examples/launch-orphaned.yaml', '--format', 'json', '--out', report]));
    const text = ok(runCli(['profile', 'team', TEAM, '--diagnosis', report]));
    const shown = text.trimEnd();
    expect(readFileSync('README.md', 'utf8')).toContain(`\`\`\`text\n${shown}\n\`\`\``);
    const sam = ok(runCli(['profile', '--answers', SAM]));
    expect(readFileSync('README.md', 'utf8')).toContain(sam.slice(0, sam.indexOf('\nBY DIMENSION')));
  });
});
