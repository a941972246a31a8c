import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('pm-diag profile --answers', () => {
  it('prints the JSON contract for the example', () => {
    const json = JSON.parse(ok(runCli(['profile', '--answers', SAM, '--format', 'json'])));
    expect(Object.keys(json)).toEqual(['schemaVersion', 'profile', 'respondent', 'tendency', 'label', 'confidence', 'dimensions']);
    // 9 more outbound than inbound answers over 23 answered, of 24 items.
    expect(json).toMatchObject({ schemaVersion: 1, profile: { id: 'pm-pmm-tendency', version: 1 }, respondent: { name: 'Sam Ortiz' }, tendency: 39.1, label: 'leans outbound', confidence: 23 / 24 });
    expect(json.dimensions.map((d: { id: string; tendency: number; label: string; answered: number }) => [d.id, d.tendency, d.label, d.answered])).toEqual([
      ['information', 75, 'strongly outbound', 4],
      ['insight', 25, 'leans outbound', 4],
      ['free-time', 25, 'leans outbound', 4],
      ['success', 75, 'strongly outbound', 4],
      ['setbacks', -25, 'leans inbound', 4],
      ['writing', 66.7, 'strongly outbound', 3],
    ]);
  });

  it('shows the strip, every dimension, confidence, strengths, pairing and the caveat in the terminal and markdown', () => {
    for (const format of ['terminal', 'markdown']) {
      const text = ok(runCli(['profile', '--answers', SAM, '--format', format]));
      expect(text, format).toContain('+39.1');
      expect(text, format).toContain('leans outbound');
      expect(text, format).toMatch(/├─+┼─+┼─+┼─+┼─+┤/);
      expect(text, format).toContain('96%');
      for (const title of ['Where they get their information', 'What they write best', 'How they handle a lost deal']) expect(text, format).toContain(title);
      expect(text, format).toMatch(/good at/i);
      expect(text, format).toMatch(/pair it with/i);
      expect(text, format).toContain('not a test: nobody should be hired or rejected on this');
    }
  });

  it('writes a self-contained HTML page with an SVG strip, inferred from --out', () => {
    const out = join(dir, 'sam.html');
    expect(ok(runCli(['profile', '--answers', SAM, '--out', out]))).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">');
    expect(html).toMatch(/<svg role="img" aria-labelledby="strip-title"[^>]*><title id="strip-title">Tendency of Sam Ortiz on a strip from strongly inbound/);
    expect(html).not.toMatch(/(src|href)=|url\(|https?:/);
    expect(html).toContain('not a test');
  });

  it('escapes a hostile name in every format', () => {
    const answers = write('evil.yaml', 'respondent: { name: "<script>alert(1)</script> **x** \\e[31m" }\nanswers: { info-sources: inbound }\n');
    const html = ok(runCli(['profile', '--answers', answers, '--format', 'html']));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = ok(runCli(['profile', '--answers', answers, '--format', 'markdown']));
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\*\\*x\\*\\*');
    for (const text of [html, md, ok(runCli(['profile', '--answers', answers]))]) expect(text).not.toContain('\u001b');
  });

  it('reads stdin with -', () => {
    const json = JSON.parse(ok(runCli(['profile', '--answers', '-', '--format', 'json'], { input: '{"answers": {"free-week": "outbound", "lost-deal": "neither"}}' })));
    expect(json).toMatchObject({ tendency: 50, label: 'strongly outbound', respondent: { name: null } });
  });
});

describe('bad input', () => {
  it('names an unknown item id with a did-you-mean and a bad choice, with positions, exit 2', () => {
    const answers = write('a.yaml', 'profile: pm-pmm-tendency\nanswers:\n  free-weak: inbound\n  lost-deal: sideways\n');
    const stderr = inputError(runCli(['profile', '--answers', answers]));
    expect(stderr).toContain(`${answers}:3:3: answers.free-weak: unknown item id "free-weak" (did you mean "free-week"?)`);
    expect(stderr).toContain(`${answers}:4:14: answers.lost-deal: invalid value (found "sideways", expected inbound, outbound, both or neither`);
  });

  it('points at broken YAML', () => {
    const answers = write('b.yaml', 'answers:\n  free-week: [inbound\n');
    expect(inputError(runCli(['profile', '--answers', answers]))).toMatch(new RegExp(`^pm-diag: ${answers.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
  });

  it('points at a broken profile bank passed with --profile', () => {
    const bank = write('p.yaml', 'id: x\nversion: 1\ntitle: t\ntendencies: {}\ndimensions: []\n');
    const stderr = inputError(runCli(['profile', '--answers', SAM, '--profile', bank]));
    expect(stderr).toContain(`${bank}:4:13: tendencies.inbound: missing`);
    expect(stderr).toContain(`${bank}:5:13: dimensions: invalid value (found a list, expected at least one dimension)`);
  });

  it('refuses to write the output over the answers file', () => {
    const answers = write('a.yaml', readFileSync(SAM, 'utf8'));
    expect(inputError(runCli(['profile', '--answers', answers, '--format', 'terminal', '--out', answers]))).toContain('an input of this run');
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(SAM, 'utf8'));
  });

  it('does not prompt without a terminal, or with CI set, and points at --answers', () => {
    for (const env of [{}, { CI: 'true' }]) {
      const stderr = inputError(runCli(['profile', '--save', join(dir, 'p.yaml')], { env }));
      expect(stderr).toContain('pm-diag profile --answers');
      expect(stderr).toContain('pm-diag profile interview');
    }
  });

  it('exits 2 on a bad option of a subcommand, as on any command', () => {
    expect(inputError(runCli(['profile', 'team', TEAM, '--bogus']))).toContain("unknown option '--bogus'");
    expect(inputError(runCli(['profile', 'interview', '--format', 'json']))).toContain('Allowed choices are terminal, markdown');
  });

  it('names an unknown dimension with a did-you-mean', () => {
    expect(inputError(runCli(['profile', 'interview', '--dimension', 'setback']))).toContain('--dimension: found "setback" (did you mean "setbacks"?)');
  });
});

describe('pm-diag profile interview', () => {
  it('gives every dimension its questions, both kinds of answer, follow-ups and a scoring sheet', () => {
    const md = ok(runCli(['profile', 'interview', '--format', 'markdown']));
    expect(md.match(/^## \d\. /gm)).toHaveLength(6);
    expect(md.match(/^\*\*Ask:\*\*$/gm)).toHaveLength(6);
    expect(md.match(/^\*\*An inbound answer sounds like:\*\*$/gm)).toHaveLength(6);
    expect(md.match(/^\*\*Follow-ups that separate a real tendency from a rehearsed answer:\*\*$/gm)).toHaveLength(6);
    expect(md).toContain('## Scoring sheet');
    expect(md.match(/^ {2}[a-z]+-[a-z-]+:$/gm)).toHaveLength(24);
  });

  it('keeps to the chosen dimensions', () => {
    const text = ok(runCli(['profile', 'interview', '--dimension', 'setbacks', '--dimension', 'writing']));
    expect(text).toContain('How they handle a lost deal');
    expect(text).toContain('What they write best');
    expect(text).not.toContain('Where they get their information');
    expect(text.match(/^ {2}[a-z]+-[a-z-]+:$/gm)).toHaveLength(8);
  });

  it('writes a scoring sheet that profile --answers reads once filled in, and will not overwrite it', () => {
    const sheet = join(dir, 'candidate.yaml');
    ok(runCli(['profile', 'interview', '--dimension', 'setbacks', '--sheet', sheet]));
    const empty = JSON.parse(ok(runCli(['profile', '--answers', sheet, '--format', 'json'])));
    expect(empty).toMatchObject({ tendency: null, label: null, confidence: 0 });
    const filled = readFileSync(sheet, 'utf8').replace('lost-deal:', 'lost-deal: inbound').replace('setback-churn:', 'setback-churn: inbound').replace('name:', 'name: Candidate A');
    writeFileSync(sheet, filled);
    const json = JSON.parse(ok(runCli(['profile', '--answers', sheet, '--format', 'json'])));
    expect(json).toMatchObject({ respondent: { name: 'Candidate A' }, tendency: -100, label: 'strongly inbound', confidence: 2 / 24 });
    expect(json.dimensions.find((d: { id: string }) => d.id === 'setbacks')).toEqual({ id: 'setbacks', tendency: -100, label: 'strongly inbound', answered: 2 });
    expect(inputError(runCli(['profile', 'interview', '--sheet', sheet]))).toContain('already exists');
    expect(readFileSync(sheet, 'utf8')).toBe(filled);
  });
});

describe('pm-diag profile team', () => {
  it('puts everyone on one strip with the team\'s balance', () => {
    const text = ok(runCli(['profile', 'team', TEAM]));
    for (const name of ['Ana Ruiz', 'Ben Okafor', 'Cy Lindqvist', 'Dee Park']) expect(text).toContain(name);
    expect(text).toContain('Balance     -43.4  leans inbound');
    expect(text).toMatch(/├─+┼/);
    expect(text).toContain('someone who leans outbound would balance it');
  });

  it('with a diagnosis, weighs capacity gaps by accountable owner and names the next hire', () => {
    const report = join(dir, 'report.json');
    ok(runCli(['assess', '--answers', 'examples/launch-orphaned.yaml', '--format', 'json', '--out', report]));
    const json = JSON.parse(ok(runCli(['profile', 'team', TEAM, '--diagnosis', report, '--format', 'json'])));
    const items = JSON.parse(readFileSync(report, 'utf8')).items.filter((i: { kind: string }) => i.kind === 'responsibility');
    const expected = (owner: string) =>
      Math.round(100 * items.filter((i: { owner: { recommended: string } }) => i.owner.recommended === owner).reduce((sum: number, i: { weight: number; target: number; capacity: number | null }) => sum + i.weight * Math.max(0, i.target - (i.capacity ?? i.target)), 0)) / 100;
    expect(json.capacity.pm).toBe(expected('pm'));
    expect(json.capacity.pmm).toBe(expected('pmm'));
    expect(json.hire).toBe(json.capacity.pmm > json.capacity.pm ? 'outbound' : 'inbound');
    expect(json.members).toHaveLength(4);
    expect(json.sentence).toMatch(/^Hire someone who leans (inbound|outbound): /);
  });

  it('names a person who gave no name by their file, in the text but not in the JSON', () => {
    const team = join(dir, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'anon.yaml'), 'answers: { info-sources: outbound }\n');
    expect(ok(runCli(['profile', 'team', team]))).toMatch(/^ {3}1 {2}anon\.yaml +\+100\.0/m);
    expect(JSON.parse(ok(runCli(['profile', 'team', team, '--format', 'json']))).members[0].respondent).toEqual({ name: null });
  });

  it('draws the team strip as SVG in HTML', () => {
    const html = ok(runCli(['profile', 'team', TEAM, '--format', 'html']));
    expect(html).toMatch(/<svg role="img"[^>]*><title id="strip-title">Each person&#39;s tendency/);
    // Four people and the team's balance.
    expect(html.match(/<circle /g)).toHaveLength(5);
    expect(html).toContain('<title>the team&#39;s balance: -43.4</title>');
  });

  it('reports every bad file and a bad diagnosis together, with positions, exit 2', () => {
    const team = join(dir, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'a.yaml'), 'answers: { info-sources: inbound }\n');
    writeFileSync(join(team, 'b.yaml'), 'answers: { info-sources: maybe }\n');
    const report = write('report.json', '{"schemaVersion": 2}');
    const stderr = inputError(runCli(['profile', 'team', team, '--diagnosis', report]));
    expect(stderr).toContain(`${join(team, 'b.yaml')}:1:26: answers.info-sources: invalid value (found "maybe"`);
    expect(stderr).toContain(`${report}:1:19: schemaVersion: invalid value (found 2, expected 1 (a report of this version of pm-diag))`);
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
