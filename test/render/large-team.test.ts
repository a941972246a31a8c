import { describe, expect, it } from 'vitest';
import { reportJsonPieces } from '../../src/core/render/report-json.js';
import { renderReport } from '../../src/core/render/report.js';
import { LISTED_RESPONDENTS } from '../../src/core/render/report-view.js';
import { teamDiagnosis } from './fixture.js';

// A report over hundreds of respondents must stay a report a room can read: the wall formats
// list the first few and say where the rest are; the JSON keeps everything.

function largeTeam(size = 120) {
  const d = teamDiagnosis();
  d.respondents = Array.from({ length: size }, (_, i) => ({
    name: `Person ${i + 1}`,
    role: 'sales' as const,
    source: `p${i + 1}.yaml`,
    coverage: 100,
    sections: d.respondents[0]!.sections,
    askedSections: d.respondents[0]!.askedSections,
  }));
  return d;
}

describe('a report over many respondents', () => {
  for (const format of ['terminal', 'markdown'] as const) {
    it(`${format}: lists ${LISTED_RESPONDENTS} respondents and the top disagreements, and says how many more`, async () => {
      const d = largeTeam();
      const text = await renderReport(d, format, { color: false, top: 2 });
      expect(text).toContain(`Person ${LISTED_RESPONDENTS}`);
      expect(text).not.toContain(`Person ${LISTED_RESPONDENTS + 1}`);
      expect(text).toContain(`Listed ${LISTED_RESPONDENTS} of 120 respondents; the JSON report`);
      expect(d.disagreements.length).toBe(3);
      expect(text).toContain('Listed 2 of 3 disagreements; the JSON report');
    });
  }

  it('json: keeps every respondent and every disagreement', async () => {
    const json = JSON.parse(await renderReport(largeTeam(), 'json', { color: false, top: 2 })) as {
      respondentList: unknown[];
      disagreements: unknown[];
    };
    expect(json.respondentList).toHaveLength(120);
    expect(json.disagreements).toHaveLength(3);
  });

  it('json: the respondents are written a few hundred at a time, in the text a whole report would be', () => {
    const d = largeTeam(500);
    d.respondents[300]!.name = 'Zo\u0085\u202e';
    const pieces = [...reportJsonPieces(d, { top: 2 })];
    expect(pieces).toHaveLength(5); // before the list, three pieces of the list (200, 200, 100), after it
    const text = pieces.join('');
    const json = JSON.parse(text) as { respondentList: { name: string; source: string }[] };
    expect(json.respondentList.map((r) => r.source)).toEqual(d.respondents.map((r) => r.source));
    expect(json.respondentList[300]!.name).toBe('Zo\u0085\u202e');
    // Pretty-printed as one JSON.stringify would, the characters a terminal would act on escaped.
    expect(text).toBe(`${JSON.stringify(json, null, 2).replace('Zo\u0085\u202e', 'Zo\\u0085\\u202e')}\n`);
  });
});
