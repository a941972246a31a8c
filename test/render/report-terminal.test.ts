import { describe, expect, it } from 'vitest';
import { renderReportTerminal } from '../../src/core/render/report-terminal.js';
import { crowdedDiagnosis, hostileDiagnosis, singleDiagnosis, teamDiagnosis } from './fixture.js';
import { expectGolden } from './golden.js';

const terminal = (d = singleDiagnosis(), color = false, top = 10) => renderReportTerminal(d, { color, top });
const SGR = /\u001b\[[0-9;]*m/g;
// Characters, not UTF-16 units or bytes: a bar cell or an emoji is one column here.
const columns = (line: string) => [...line.replace(SGR, '')].length;

describe('terminal gap report', () => {
  it('matches the golden files', () => {
    expectGolden('report.txt', terminal());
    expectGolden('report-team.txt', terminal(teamDiagnosis()));
  });

  it('fits 80 columns, coloured or not, with hostile text too', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis(), hostileDiagnosis()]) {
      for (const color of [false, true]) {
        for (const line of terminal(d, color).split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
      }
    }
  });

  it('has no escape bytes without colour, and colour when asked', () => {
    expect(terminal()).not.toContain('\u001b');
    expect(terminal(singleDiagnosis(), true)).toMatch(SGR);
  });

  it('lets no control, escape or bidi character from the diagnosis through', () => {
    for (const color of [false, true]) {
      const out = terminal(hostileDiagnosis(), color).replace(SGR, '');
      expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(out).toContain('\\u{202e}');
    }
  });

  it('shows how each priority was computed, in rank order', () => {
    const out = terminal();
    expect(out).toContain('weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00');
    expect(out).toContain('weight 2 × (4 − 1.00) = 6.00');
    expect(out.indexOf('1. Market-problem discovery')).toBeLessThan(out.indexOf('2. Win/loss findings'));
  });

  it('keeps to --top and omits the team sections for one respondent', () => {
    const out = terminal(singleDiagnosis(), false, 2);
    expect(out).toContain('(2 of 6');
    expect(out).not.toContain(' 3. ');
    expect(out).not.toMatch(/RESPONDENTS|DISAGREEMENTS|PERCEPTION/);
    expect(terminal(teamDiagnosis())).toMatch(/PERCEPTION[\s\S]*DISAGREEMENTS[\s\S]*RESPONDENTS/);
  });

  it('cuts a crowded quadrant with "+N more"', () => {
    const out = terminal(crowdedDiagnosis(8));
    expect(out).toContain('+4 more');
    expect(out).toContain('10. Extra responsibility 4');
  });
});
