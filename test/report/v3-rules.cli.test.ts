import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// Each rule of the version 3 model, shown by a fixture in test/fixtures/v3-rules/ (its files say
// what they show), through the built binary in every report format.

type Format = 'terminal' | 'markdown' | 'html' | 'json' | 'csv';

const report = (rule: string, format: Format): string => {
  const r = runCli(['report', join(ROOT, 'test', 'fixtures', 'v3-rules', rule), '--format', format], {
    env: { NO_COLOR: '1' },
  });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
/** A text format's words, as a reader sees them: no markup, escapes or line breaks in the way. */
const words = (text: string) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([:,])/g, '$1');
const json = (rule: string) => JSON.parse(report(rule, 'json'));
const item = (j: { items: { id: string }[] }, id: string): unknown => j.items.find((i) => i.id === id);

describe('a practice (rated on frequency, 2 × w × shortfall): guard rails rated rarely by both', () => {
  it('json: frequency 2, readiness 25, priority 8, first on the agenda; the practices index', () => {
    const j = json('practice');
    expect(item(j, 'guard-rails')).toMatchObject({ kind: 'practice', frequency: 2, readiness: 25, priority: 8 });
    expect(j.gaps[0]).toBe('guard-rails');
    expect(j.summary.practices).toBe(25);
  });
  it.each(['terminal', 'markdown', 'html'] as const)('%s: on the agenda with its formula', (format) => {
    const text = words(report('practice', format));
    expect(text).toContain('Each leader keeps to their own decisions: frequency 2.00 below target 4');
    expect(text).toContain('2 × weight 2 × (4 − 2.00) = 8.00');
  });
  it('csv: the first row of the action plan', () => {
    expect(report('practice', 'csv').split('\r\n')[1]).toMatch(/^Action plan,1,guard-rails,.*frequency 2\.00 below/);
  });
});

describe('a hand-off judged by its receivers: the giver rates 5, the receiver 1', () => {
  it('json: delivery 1 (the receiver), both sides kept, priority 2 × 3 × 3 = 18, first on the agenda', () => {
    const j = json('receivers');
    expect(item(j, 'release-as-committed')).toMatchObject({
      delivery: 1,
      deliveryBySide: { giver: 5, receiver: 1 },
      priority: 18,
    });
    expect(j.gaps[0]).toBe('release-as-committed');
  });
  it.each(['terminal', 'markdown', 'html'] as const)('%s: first gap, marked as the receivers’ rating', (format) => {
    const text = words(report('receivers', format));
    expect(text).toContain('Releases as committed: delivery (receivers’ rating) 1.00 below target 4');
    expect(text).toContain('2 × weight 3 × (4 − 1.00) = 18.00');
  });
  it('csv: the first row of the action plan', () => {
    expect(report('receivers', 'csv').split('\r\n')[1]).toMatch(
      /^Action plan,1,release-as-committed,.*receivers’ rating\) 1\.00 below target 4/,
    );
  });
});

describe('owners by stage: at start-up the founder owns the value proposition, positioning and the go-to-market plan', () => {
  it('json: recommended leadership at start-up, aligned; alignment 100', () => {
    const j = json('stage-owner');
    expect(j.stage).toBe('startup');
    for (const id of ['value-proposition', 'positioning-and-messaging', 'gtm-plan'])
      expect(item(j, id), id).toMatchObject({ owner: { recommended: 'leadership', status: 'aligned' } });
    expect(j.summary.alignment).toBe(100);
  });
  it.each(['terminal', 'markdown', 'html'] as const)('%s: no ownership problem to decide', (format) => {
    const text = words(report('stage-owner', format));
    expect(text).toContain('Start-up');
    expect(text).toMatch(/None: every answered responsibility has its recommended owner/);
    expect(text).not.toMatch(/consensus Leadership: misassigned/);
  });
  it('csv: no row of the role charter to decide', () => {
    expect(report('stage-owner', 'csv')).not.toMatch(/\r\nRole charter/);
  });
});

describe('"I don\'t know" who owns it: a knowledge gap, not a vote', () => {
  it('json: the one named owner is the consensus, uncontested; two unknowns are a knowledge gap on owner', () => {
    const j = json('unknown-owner');
    expect(item(j, 'pricing')).toMatchObject({
      owner: { consensus: 'leadership', status: 'aligned', contested: false },
    });
    expect(j.knowledgeGaps.unknown).toContainEqual({ id: 'pricing', axis: 'owner', count: 2 });
  });
  it.each(['terminal', 'markdown', 'html'] as const)('%s: listed among the knowledge gaps', (format) => {
    const text = words(report('unknown-owner', format));
    expect(text).toMatch(/Pricing and packaging that hold in deals.{0,40}(don’t know.{0,5} on owner|owner by 2 of 3)/i);
  });
  it('csv: pricing is not an ownership problem to decide', () => {
    expect(report('unknown-owner', 'csv')).not.toMatch(/Role charter[^\r\n]*pricing/);
  });
});

describe('the stage suggested by revenue: no stage given, a revenue band under $10 million', () => {
  it('json: stage startup from revenue, and the facts', () => {
    const j = json('revenue-stage');
    expect([j.stage, j.stageSource]).toEqual(['startup', 'revenue']);
    expect(j.facts).toMatchObject({ revenue: 'lt-10m', 'pm-people': 1, 'pmm-people': 0 });
  });
  it.each(['terminal', 'markdown', 'html'] as const)('%s: the header says so, with the facts', (format) => {
    const text = words(report('revenue-stage', format));
    expect(text).toMatch(/Start-up \(startup\),? suggested by the revenue the respondents gave/);
    expect(text).toContain('Revenue: Under $10 million');
  });
  it('csv: the rows are held to the start-up target (3)', () => {
    expect(report('revenue-stage', 'csv')).not.toMatch(/below target 4/);
  });
});

describe('mixed forms: one rapid respondent, one full', () => {
  it('json: each is scored over their own form: both fully answered, no unanswered items', () => {
    const j = json('mixed-forms');
    expect(j.forms).toEqual({ rapid: 1, full: 1 });
    expect(j.summary.coverage).toBe(100);
  });
  it.each(['terminal', 'markdown', 'html'] as const)(
    '%s: says how many answered each form, and nobody is partial',
    (format) => {
      const text = words(report('mixed-forms', format));
      expect(text).toContain('1 answered the rapid form, 1 the full');
      expect(text).not.toContain('Partial answers');
    },
  );
  it('csv: no action rows, since nothing is below target', () => {
    expect(report('mixed-forms', 'csv').trim().split('\r\n')).toHaveLength(1);
  });
});
