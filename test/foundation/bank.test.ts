import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { parseBank } from '../../src/core/bank/parse.js';
import { KEBAB_ID, type Bank } from '../../src/core/bank/schema.js';
import { formatProblem } from '../../src/core/errors.js';
import { BANKS, BUILTIN_BANK, MINIMAL_BANK, linesOf, positions, problemsOf } from './helpers.js';

describe('the built-in bank', () => {
  const bank: Bank = loadBankFile(BUILTIN_BANK);
  const items = bankItems(bank);
  const responsibilities = items.filter((i) => i.kind === 'responsibility');
  const interlock = bank.interlock;

  it('validates', () => {
    expect(bank.id).toBe('pm-pmm-diagnostic');
    expect(bank.target).toBeGreaterThanOrEqual(1);
    expect(bank.target).toBeLessThanOrEqual(5);
  });

  it('has at least 8 areas, 30 responsibilities and some practices, and no empty area', () => {
    expect(bank.areas.length).toBeGreaterThanOrEqual(8);
    expect(responsibilities.length).toBeGreaterThanOrEqual(30);
    expect(items.filter((i) => i.kind === 'practice').length).toBeGreaterThan(0);
    for (const area of bank.areas)
      expect(area.responsibilities.length + (area.practices?.length ?? 0), area.id).toBeGreaterThan(0);
  });

  it('has at least 4 interlock items in each direction, each between the two functions', () => {
    expect(interlock.filter((i) => i.from === 'pmm' && i.to === 'pm').length).toBeGreaterThanOrEqual(4);
    expect(interlock.filter((i) => i.from === 'pm' && i.to === 'pmm').length).toBeGreaterThanOrEqual(4);
    for (const item of interlock) expect(item.from, item.id).not.toBe(item.to);
  });

  it('gives every item a question, a weight of 1-3 and at least two distinct discussion prompts', () => {
    for (const item of items) {
      expect(item.question.trim().length, item.id).toBeGreaterThan(10);
      expect([1, 2, 3], item.id).toContain(item.weight);
      expect(item.discussion.length, item.id).toBeGreaterThanOrEqual(2);
      expect(new Set(item.discussion).size, item.id).toBe(item.discussion.length);
    }
  });

  it('names public sources for every item', () => {
    for (const item of items) expect(item.sources?.length ?? 0, item.id).toBeGreaterThan(0);
  });

  it('makes the functions and the departments around them accountable, and uses every owner code', () => {
    const owners = new Set(responsibilities.map((i) => i.owner));
    expect([...owners].sort()).toEqual(['cs', 'leadership', 'marketing', 'pm', 'pmm', 'sales', 'shared']);
  });

  it('has unique kebab-case ids across areas, responsibilities and interlock', () => {
    const ids = [...bank.areas.map((a) => a.id), ...items.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [bank.id, ...ids]) expect(id).toMatch(KEBAB_ID);
  });

  it('has four scales with five anchored levels each', () => {
    expect(Object.keys(bank.scales).sort()).toEqual(['capability', 'capacity', 'delivery', 'frequency']);
    for (const [name, scale] of Object.entries(bank.scales)) {
      expect(Object.keys(scale).sort(), name).toEqual(['1', '2', '3', '4', '5']);
      const labels = Object.values(scale).map((level) => level.label);
      expect(new Set(labels).size, name).toBe(5);
      for (const level of Object.values(scale)) expect(level.description.length, name).toBeGreaterThan(10);
    }
  });

  it('anchors each scale from absent to improved: capability from not done to measured, capacity from no time to covered, delivery from not delivered to improved together', () => {
    expect(bank.scales.capability['1'].label.toLowerCase()).toContain('not done');
    expect(bank.scales.capability['5'].label.toLowerCase()).toContain('measured');
    expect(bank.scales.capacity['1'].label.toLowerCase()).toContain('no time');
    expect(bank.scales.capacity['5'].label.toLowerCase()).toContain('covered');
    expect(bank.scales.delivery['1'].label.toLowerCase()).toContain('not delivered');
    expect(bank.scales.delivery['5'].label.toLowerCase()).toContain('improved');
  });

  it('tells the inbound function from the outbound one', () => {
    expect(bank.functions.pm.mandate.toLowerCase()).toMatch(/inward|inbound/);
    expect(bank.functions.pmm.mandate.toLowerCase()).toMatch(/outward|outbound/);
  });

  const topics: [string, RegExp][] = [
    ['user personas', /user[- ]persona/],
    ['buyer personas', /buyer[- ]persona/],
    ['value proposition', /value[- ]proposition/],
    ['positioning', /positioning/],
    ['go-to-market', /go-to-market|gtm/],
    ['launch', /launch/],
    ['win/loss', /win[-/]loss/],
    ['sales enablement', /sales[- ]enablement/],
    ['analyst relations', /analyst/],
    ['thought leadership', /thought[- ]leadership/],
    ['customer focus', /customer[- ]contact|customer[- ]advocacy/],
    ['cross-functional leadership', /leading[- ]across/],
    ['segmentation', /segmentation|segments/],
    ['revenue reporting', /results[- ]against[- ]plan/],
    ['technical collateral', /technical[- ]collateral/],
  ];
  it.each(topics)('covers the seed topic "%s" by id or title', (_topic, pattern) => {
    const hits = items.filter((i) => pattern.test(i.id) || pattern.test(i.title.toLowerCase()));
    expect(hits.map((i) => i.id)).not.toEqual([]);
  });

  it('has the four things each function owes the other, from the seed (under the ids of version 1, which migrate)', () => {
    const moved = { ...bank.migrations?.['1']?.renamed, ...bank.migrations?.['1']?.merged };
    // Sales enablement content is owed to sales, its receivers, from version 3 on.
    const receiver = (id: string) => (id === 'sales-enablement-content' ? 'sales' : 'pm');
    const direction = (id: string) => {
      const item = interlock.find((i) => i.id === (moved[id] ?? id));
      return item ? `${item.from}->${item.to}` : 'missing';
    };
    for (const id of [
      'marketing-programmes-and-plans',
      'sales-enablement-content',
      'actionable-customer-feedback',
      'win-loss-feedback',
    ]) {
      expect(direction(id), id).toBe(`pmm->${receiver(id)}`);
    }
    for (const id of [
      'quality-launch-on-time-on-spec',
      'launch-status-cadence',
      'bookings-goals-and-expectations',
      'pre-launch-knowledge-transfer',
    ]) {
      expect(direction(id), id).toBe('pm->pmm');
    }
  });

  it('rates customer focus and leading across teams as practices, which nobody owns', () => {
    const kind = (id: string) => items.find((i) => i.id === id)?.kind;
    expect(kind('leaders-customer-contact')).toBe('practice');
    expect(kind('leading-across-teams')).toBe('practice');
  });
});

describe('a minimal valid bank', () => {
  it('loads, keeping an item target and every item in bank order', () => {
    const bank = loadBankFile(MINIMAL_BANK);
    expect(bankItems(bank).map((i) => `${i.kind}:${i.id}`)).toEqual([
      'responsibility:market-problems',
      'responsibility:positioning',
      'interlock:win-loss-feedback',
      'interlock:launch-cadence',
    ]);
    expect(bank.areas[0]!.responsibilities[1]!.target).toBe(3);
  });

  it('may carry a top-level $schema key for editors', () => {
    const text = `$schema: ./pm-diag-bank.schema.json\n${readFileSync(MINIMAL_BANK, 'utf8')}`;
    expect(parseBank({ source: 'with-schema.yaml', text }).id).toBe('mini-bank');
  });

  it('is also accepted as JSON with the same shape', () => {
    const bank = loadBankFile(MINIMAL_BANK);
    const again = parseBank({ source: 'bank.json', text: JSON.stringify(bank, null, 2) });
    expect(again).toEqual(bank);
  });
});

interface InvalidCase {
  file: string;
  /** line:column of the problem that carries `message`. */
  at: string;
  message: string;
  /** How many problems the file gives in all. */
  count: number;
}

// Positions are 1-based line:column, as editors show them. Each file is ../minimal.yaml with one change.
const INVALID: InvalidCase[] = [
  {
    file: 'duplicate-id.yaml',
    at: '38:13',
    count: 1,
    message:
      'areas.0.responsibilities.1.id: duplicate id "market-problems" (expected an id used once in the bank (first used at areas.0.responsibilities.0.id))',
  },
  { file: 'bad-kebab-id.yaml', at: '32:13', count: 1, message: 'found "Market_Problems", expected a kebab-case id' },
  {
    file: 'unknown-owner.yaml',
    at: '33:16',
    count: 1,
    message:
      'areas.0.responsibilities.0.owner: invalid value (found "finance", expected pm, pmm, shared, leadership, marketing, cs, sales)',
  },
  {
    file: 'weight-4.yaml',
    at: '36:17',
    count: 1,
    message: 'areas.0.responsibilities.0.weight: invalid value (found 4, expected a weight of 1, 2 or 3)',
  },
  {
    file: 'scale-four-levels.yaml',
    at: '17:5',
    count: 1,
    message: 'scales.capacity.4: missing (expected a level: { label, description })',
  },
  { file: 'typo-key.yaml', at: '35:9', count: 2, message: 'unknown key "questoin" (did you mean "question"?)' },
  {
    file: 'typo-key.yaml',
    at: '32:9',
    count: 2,
    message: 'areas.0.responsibilities.0.question: missing (expected text)',
  },
  {
    file: 'missing-key.yaml',
    at: '38:9',
    count: 1,
    message: 'areas.0.responsibilities.1.title: missing (expected text)',
  },
  {
    file: 'interlock-same-function.yaml',
    at: '55:9',
    count: 1,
    message: 'interlock.1.to: an interlock item must go from one function to another (found pm, expected pmm)',
  },
  {
    file: 'weight-string.yaml',
    at: '51:13',
    count: 1,
    message: 'interlock.0.weight: invalid value (found "2", expected a weight of 1, 2 or 3)',
  },
  {
    file: 'bad-indentation.yaml',
    at: '33:16',
    count: 2,
    message: 'Nested mappings are not allowed in compact mappings',
  },
  { file: 'duplicate-yaml-key.yaml', at: '42:9', count: 1, message: 'Map keys must be unique' },
  { file: 'custom-tag.yaml', at: '50:15', count: 1, message: 'Unresolved tag: !include: custom tags are not allowed' },
  {
    file: 'alias-bomb.yaml',
    at: '4:24',
    count: 1,
    message: 'too many aliases at *b (a YAML "billion laughs" document?) (expected at most 50 alias expansions)',
  },
  { file: 'proto-key.yaml', at: '58:5', count: 1, message: 'the key "__proto__" is not allowed' },
  { file: 'empty.yaml', at: '1:1', count: 1, message: 'invalid value (found an empty value, expected a question bank' },
  {
    file: 'top-level-list.yaml',
    at: '2:1',
    count: 1,
    message: 'invalid value (found a list, expected a question bank',
  },
];

describe('invalid banks', () => {
  it.each(INVALID)('$file: $at $message', ({ file, at, message, count }) => {
    const path = join(BANKS, 'invalid', file);
    const problems = problemsOf(() => loadBankFile(path));
    expect(problems).toHaveLength(count);
    const lines = problems.map(formatProblem);
    expect(
      lines.some((l) => l.startsWith(`${path}:${at}: `) && l.includes(message)),
      lines.join('\n'),
    ).toBe(true);
    for (const p of problems) {
      expect(p.severity).toBe('error');
      expect(p.source).toBe(path);
    }
  });

  it('covers every fixture in the invalid folder', async () => {
    const { readdirSync } = await import('node:fs');
    const listed = new Set(INVALID.map((c) => c.file).concat('three-errors.yaml'));
    expect(readdirSync(join(BANKS, 'invalid')).filter((f) => !listed.has(f))).toEqual([]);
  });

  it('reports every problem in a file at once', () => {
    const path = join(BANKS, 'invalid', 'three-errors.yaml');
    const problems = problemsOf(() => loadBankFile(path));
    expect(positions(problems)).toEqual(['23:5', '32:16', '57:13']);
    expect(problems.map((p) => p.path)).toEqual([
      'scales.delivery.3',
      'areas.0.responsibilities.0.owner',
      'interlock.1.weight',
    ]);
    expect(problems.map((p) => p.found)).toEqual([undefined, '"nobody"', '0']);
  });

  it('reports rule problems (a duplicate id) together with schema problems (a weight of 4)', () => {
    const text = readFileSync(MINIMAL_BANK, 'utf8')
      .replace('- id: positioning', '- id: market-problems')
      .replace('weight: 1', 'weight: 4');
    const problems = problemsOf(() => parseBank({ source: 'both.yaml', text }));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '58:13 invalid value',
      '38:13 duplicate id "market-problems"',
    ]);
  });

  // Expanded, it would not finish within the test's timeout.
  it('stops a billion-laughs document without expanding it', () => {
    const problems = problemsOf(() => loadBankFile(join(BANKS, 'invalid', 'alias-bomb.yaml')));
    expect(problems[0]!.message).toContain('billion laughs');
  });

  it('allows a few aliases in a bank', () => {
    const text = readFileSync(MINIMAL_BANK, 'utf8')
      .replace(
        'discussion: [Who talked to a buyer last week?, Which item came from a market problem?]',
        'discussion: &prompts [Who talked to a buyer last week?, Which item came from a market problem?]',
      )
      .replace('discussion: [Could sales say it in one line?, Who signs it off?]', 'discussion: *prompts');
    const bank = parseBank({ source: 'aliases.yaml', text });
    expect(bank.areas[0]!.responsibilities[1]!.discussion).toEqual([
      'Who talked to a buyer last week?',
      'Which item came from a market problem?',
    ]);
  });

  it('leaves Object.prototype alone when a __proto__ key is refused', () => {
    problemsOf(() => loadBankFile(join(BANKS, 'invalid', 'proto-key.yaml')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a second document', 'id: a\n---\nid: b\n', '2:1', 'a second document (after ---) is not allowed'],
    ['tab indentation', 'functions:\n\tpm: x\n', '2:1', 'Tabs are not allowed as indentation'],
    ['an alias with no anchor', 'id: *nothing\n', '1:5', 'the alias *nothing has no anchor &nothing before it'],
    ['a known tag', 'id: !!binary aGVsbG8=\n', '1:5', 'custom tags are not allowed'],
    // The position is the tagged value's, after the tag.
    ['a standard tag', 'id: !!str mini\n', '1:11', 'the tag tag:yaml.org,2002:str is not allowed'],
    ['a constructor key', 'functions:\n  constructor: 1\n', '2:3', 'the key "constructor" is not allowed'],
    [
      'a __proto__ key through a merge',
      'base: &b { __proto__: 1 }\nx: { <<: *b }\n',
      '1:12',
      'the key "__proto__" is not allowed',
    ],
  ])('refuses %s before checking the shape', (_name, text, at, message) => {
    const lines = linesOf(() => parseBank({ source: 'bank.yaml', text }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^bank\\.yaml:${at}: `));
    expect(lines[0]).toContain(message);
  });

  it('refuses 5,000 nested brackets with one problem, not a stack overflow', () => {
    const lines = linesOf(() => parseBank({ source: 'deep.yaml', text: '['.repeat(5000) }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deep\.yaml:1:\d+: the document is nested too deeply$/);
  });

  it('says what was found for a wrong type at the top', () => {
    expect(linesOf(() => parseBank({ source: 'b.yaml', text: '# only a comment\n' }))[0]).toContain(
      'found an empty value',
    );
    expect(linesOf(() => parseBank({ source: 'b.yaml', text: '42\n' }))[0]).toBe(
      'b.yaml:1:1: invalid value (found 42, expected a question bank (a mapping with id, version, title, target, functions, scales, areas, interlock))',
    );
  });

  it('refuses .nan, .inf and fractions where an integer is expected', () => {
    const base = readFileSync(MINIMAL_BANK, 'utf8');
    for (const [value, found] of [
      ['.nan', 'NaN'],
      ['.inf', 'Infinity'],
      ['2.5', '2.5'],
    ] as const) {
      const lines = linesOf(() => parseBank({ source: 'b.yaml', text: base.replace('target: 3', `target: ${value}`) }));
      expect(lines).toEqual([
        `b.yaml:43:17: areas.0.responsibilities.1.target: invalid value (found ${found}, expected an integer from 1 to 5)`,
      ]);
    }
  });
});
