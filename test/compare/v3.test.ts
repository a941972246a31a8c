import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNCTION_NAMES } from '../../src/core/bank/schema.js';
import { compareSnapshots } from '../../src/core/compare/diff.js';
import { renderComparison } from '../../src/core/compare/render.js';
import { snapshotFromDiagnosis, snapshotFromReportDocument } from '../../src/core/compare/snapshot.js';
import { parseDocumentText } from '../../src/core/document/document.js';
import { renderReportJson } from '../../src/core/render/report-json.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import { BANK, HANDOFF, PRACTICE, v3Respondents, v3TeamDiagnosis } from '../render/v3-team.js';

// compare over bank v3: a JSON report with practices, facts, hand-offs between any parties and
// "don't know" owners loads back, meets the answers it came from as unchanged, and a practice
// that improves is named with its frequency.

const reportSide = (json: string) =>
  snapshotFromReportDocument(parseDocumentText({ source: 'report.json', text: json }, { allowAliases: false }));

describe('compare: bank v3', () => {
  const d = v3TeamDiagnosis();
  const report = reportSide(renderReportJson(d, { top: 10 }));

  it('reads a v3 JSON report back: practice items, the practices index, every hand-off party', () => {
    expect(report.summary.practices).toBe(Math.round(d.summary.practices! * 10) / 10);
    expect(report.items.find((i) => i.id === PRACTICE.id)).toMatchObject({
      kind: 'practice',
      frequency: 1,
      readiness: 0,
    });
    expect(report.interlock.map((i) => `${i.from}>${i.to}`)).toContain('pmm>sales');
  });

  it('finds nothing changed between a v3 report and the answers it came from', () => {
    const cmp = compareSnapshots(report, snapshotFromDiagnosis(d, 'answers'));
    expect(cmp.items).toEqual([]);
    expect(cmp.unchanged).toBe(d.items.length);
    expect(Object.values(cmp.summary).every((c) => c.delta === 0)).toBe(true);
  });

  it('names a practice that improved with its frequency, and the practices index with the summary', async () => {
    const respondents = v3Respondents();
    for (const r of respondents) r.answers = new Map([...r.answers, [PRACTICE.id, { frequency: 4 }]]);
    const after = snapshotFromDiagnosis(diagnose(BANK, respondents, { date: '2026-06-01' }), 'later');
    const cmp = compareSnapshots(report, after);
    const practice = cmp.items.find((i) => i.id === PRACTICE.id)!;
    expect(practice).toMatchObject({
      kind: 'practice',
      direction: 'improved',
      frequency: { before: 1, after: 4, delta: 3 },
    });
    expect(cmp.summary.practices.delta).toBeGreaterThan(0);
    expect(cmp.closedGaps.map((g) => g.id)).toContain(PRACTICE.id);
    expect(cmp.items.some((i) => i.id === HANDOFF.id)).toBe(false);
    const text = await renderComparison(cmp, 'markdown', { color: false, functionNames: DEFAULT_FUNCTION_NAMES });
    expect(text).toContain(`${PRACTICE.title} (practice)`);
    expect(text).toContain('frequency 1.00 → 4.00 (+3.00)');
    expect(text).toMatch(/\| Practices \|/);
    expect(text).toContain('PMM → Sales');
  });
});
