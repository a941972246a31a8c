import { DEFAULT_FUNCTION_NAMES } from '../../src/core/bank/schema.js';
import type { Diagnosis, Disagreement, InterlockScore, ResponsibilityScore } from '../../src/core/score/model.js';
import { respondentName } from '../../src/core/render/report-view.js';

// A small, hand-made diagnosis, so the renderer tests do not depend on the scorer: two areas, every
// quadrant, an unrated item, one interlock item each way, ownership problems, a "don't know" and an
// unanswered item. `teamDiagnosis` is the same bank answered by three people.

const MARKET = { id: 'market-insight', title: 'Market insight' };
const LAUNCH = { id: 'launch', title: 'Launch and go-to-market' };
/** Every section of the fixture: its respondents answered something in each. */
const SECTIONS = [MARKET.id, LAUNCH.id, 'interlock'];

type Overrides<T> = Partial<T> & Pick<T & { id: string; title: string }, 'id' | 'title'>;

type Ownership = ResponsibilityScore['owner'];

function owns(
  recommended: Ownership['recommended'],
  consensus: Ownership['consensus'],
  status: Ownership['status'],
  votes: Ownership['votes'],
  contested = false,
): Ownership {
  return { recommended, contributors: [], consensus, status, contested, votes };
}

// What every item starts with; each test item sets only what makes it different.
const base = (title: string) => ({
  question: `How well does the organization handle ${title.toLowerCase()}?`,
  weight: 2,
  target: 4,
  priority: 0,
  discussion: [],
  answered: 1,
  notApplicable: 0,
  unknown: [],
  notes: [],
  levels: {},
});

function responsibility(fields: Overrides<ResponsibilityScore>): ResponsibilityScore {
  return {
    kind: 'responsibility',
    ...base(fields.title),
    area: MARKET,
    capability: null,
    capacity: null,
    readiness: null,
    quadrant: null,
    unevidenced: 0,
    owner: owns('pm', null, 'unanswered', {}),
    // One respondent: each mean is that respondent's answer.
    levels: {
      capability: fields.capability == null ? [] : [fields.capability],
      capacity: fields.capacity == null ? [] : [fields.capacity],
    },
    ...fields,
  };
}

function interlock(fields: Overrides<InterlockScore>): InterlockScore {
  return {
    kind: 'interlock',
    ...base(fields.title),
    from: 'pmm',
    to: 'pm',
    delivery: null,
    health: null,
    levels: { delivery: fields.delivery == null ? [] : [fields.delivery] },
    deliveryBySide: { giver: null, receiver: null },
    ...fields,
  };
}

export function singleDiagnosis(): Diagnosis {
  return {
    bank: {
      id: 'pm-pmm-diagnostic',
      version: 1,
      title: 'Product Management and Product Marketing functional diagnostic',
    },
    organization: 'Acme Corp',
    stage: null,
    stageTitle: null,
    form: 'full',
    forms: { rapid: 0, full: 1 },
    outOfScope: 0,
    notices: [],
    date: '2026-03-02',
    target: 4,
    respondents: [
      {
        name: 'Dana Lee',
        role: 'pmm',
        source: 'answers/dana.yaml',
        coverage: 87.5,
        sections: SECTIONS,
        askedSections: SECTIONS,
      },
    ],
    functionNames: { ...DEFAULT_FUNCTION_NAMES },
    facts: {},
    summary: {
      readiness: 45,
      capability: 62.5,
      capacity: 56.25,
      alignment: 41.666666666666664,
      interlock: 30,
      practices: null,
      coverage: 87.5,
    },
    functions: [
      { id: 'pm', capability: 25, capacity: 50, readiness: 25 },
      { id: 'pmm', capability: 90, capacity: 53.57142857142857, readiness: 55 },
      { id: 'shared', capability: 50, capacity: 75, readiness: 50 },
    ],
    areas: [
      { ...MARKET, capability: 45, capacity: 40, readiness: 25 },
      { ...LAUNCH, capability: 80, capacity: 67.85714285714286, readiness: 65 },
    ],
    interlock: [
      { from: 'pmm', to: 'pm', health: 0 },
      { from: 'pm', to: 'pmm', health: 50 },
    ],
    items: [
      responsibility({
        id: 'market-problem-discovery',
        title: 'Market-problem discovery',
        weight: 3,
        capability: 2,
        capacity: 3,
        readiness: 25,
        quadrant: 'critical',
        priority: 9,
        owner: owns('pm', 'pmm', 'misassigned', { pmm: 1 }),
        discussion: [
          'When did a product manager last talk to a non-customer about a problem, rather than to a customer about a feature request?',
          'Which roadmap item traces back to a documented market problem, and which to the loudest deal?',
        ],
      }),
      responsibility({
        id: 'competitive-analysis',
        title: 'Competitive analysis',
        capability: 4,
        capacity: 2,
        readiness: 25,
        quadrant: 'stretched',
        priority: 4,
        owner: owns('pmm', 'pmm', 'aligned', { pmm: 1 }),
        discussion: [
          'Who refreshes the battlecards when a rival ships, and how long does it take?',
          'What would we stop doing to give this work protected time?',
        ],
        notes: [{ respondent: 'Dana Lee', note: 'Battlecards are six months old; nobody owns the refresh.' }],
      }),
      responsibility({
        id: 'positioning-and-messaging',
        title: 'Positioning and messaging',
        area: LAUNCH,
        weight: 3,
        capability: 5,
        capacity: 4,
        readiness: 75,
        quadrant: 'strength',
        owner: owns('pmm', 'pmm', 'aligned', { pmm: 1 }),
        discussion: [
          'Which message did we test before it scaled?',
          'Would sales describe our positioning the way the deck does?',
        ],
      }),
      responsibility({
        id: 'launch-planning',
        title: 'Launch planning',
        area: LAUNCH,
        capability: 3,
        capacity: 4,
        readiness: 50,
        quadrant: 'underskilled',
        priority: 2,
        owner: owns('shared', 'unclear', 'blurred', { unclear: 1 }),
        discussion: ['Who decides the launch tier, and who is told?', 'What did the last launch retrospective change?'],
      }),
      responsibility({
        id: 'sales-enablement',
        title: 'Sales enablement',
        area: LAUNCH,
        capacity: 3,
        priority: 2,
        unknown: [{ axis: 'capability', count: 1 }],
        owner: owns('pmm', 'none', 'orphaned', { none: 1 }),
        discussion: [
          'How long does a new seller take to run a first demo alone?',
          'Who decides what goes into the enablement kit?',
        ],
      }),
      responsibility({
        id: 'pricing-and-packaging',
        title: 'Pricing and packaging',
        area: LAUNCH,
        weight: 1,
        answered: 0,
        owner: owns('shared', null, 'unanswered', {}),
        discussion: ['Who owns the price book today?', 'When did we last change a package, and why?'],
      }),
      interlock({
        id: 'win-loss-feedback',
        title: 'Win/loss findings',
        delivery: 1,
        health: 0,
        priority: 6,
        discussion: [
          'When did win/loss findings last change a roadmap decision?',
          'Who runs the interviews, and who reads the results?',
        ],
      }),
      interlock({
        id: 'roadmap-preview',
        title: 'Roadmap preview for launch planning',
        from: 'pm',
        to: 'pmm',
        weight: 3,
        delivery: 3,
        health: 50,
        priority: 3,
        discussion: [
          'How many weeks before a release does PMM see what is shipping?',
          'What changed last time the preview came late?',
        ],
      }),
    ],
    gaps: [
      'market-problem-discovery',
      'win-loss-feedback',
      'competitive-analysis',
      'roadmap-preview',
      'launch-planning',
      'sales-enablement',
    ],
    disagreements: [],
    perception: [],
    areaRoles: [],
    knowledgeGaps: {
      unknown: [{ id: 'sales-enablement', axis: 'capability', count: 1 }],
      unanswered: [{ id: 'pricing-and-packaging', respondents: 1 }],
    },
    handoffPerception: [],
    unevidenced: [{ id: 'competitive-analysis', claims: 1, unevidenced: 1, respondents: ['Dana Lee'] }],
  };
}

type Patch = Partial<ResponsibilityScore> | Partial<InterlockScore>;

/** The same bank answered by a PMM, a PM and a seller: means with fractions, disagreements, perception. */
export function teamDiagnosis(): Diagnosis {
  const d = singleDiagnosis();
  const patches: Record<string, Patch> = {
    'market-problem-discovery': {
      capability: 7 / 3,
      readiness: 100 / 3,
      priority: 8,
      answered: 3,
      owner: owns('pm', 'pmm', 'misassigned', { pmm: 2, pm: 1 }),
      levels: { capability: [1, 4, 2], capacity: [3, 3, 3] },
    },
    'competitive-analysis': {
      capability: 13 / 3,
      capacity: 7 / 3,
      readiness: 100 / 3,
      priority: 10 / 3,
      answered: 3,
      levels: { capability: [5, 4, 4], capacity: [2, 3, 2] },
    },
    'positioning-and-messaging': {
      capability: 14 / 3,
      answered: 3,
      levels: { capability: [4, 5, 5], capacity: [4, 4, 4] },
    },
    'launch-planning': {
      levels: { capability: [3, 3, 3], capacity: [4, 5, 4] },
      capacity: 13 / 3,
      answered: 3,
      owner: owns('shared', 'unclear', 'blurred', { shared: 1, pm: 1, pmm: 1 }, true),
    },
    'sales-enablement': { answered: 3, unknown: [{ axis: 'capability', count: 2 }] },
    'pricing-and-packaging': { answered: 1, notApplicable: 1 },
    'win-loss-feedback': { delivery: 2, health: 25, priority: 4, answered: 2, levels: { delivery: [3, 1] } },
    'roadmap-preview': { delivery: 10 / 3, health: 175 / 3, priority: 2, answered: 3, levels: { delivery: [3, 4, 3] } },
  };
  d.items = d.items.map((item) => ({ ...item, ...patches[item.id] }) as typeof item);
  d.forms = { rapid: 0, full: 3 };
  d.respondents = [
    {
      name: 'Dana Lee',
      role: 'pmm',
      source: 'answers/dana.yaml',
      coverage: 100,
      sections: SECTIONS,
      askedSections: SECTIONS,
    },
    {
      name: 'Sam Ortiz',
      role: 'pm',
      source: 'answers/sam.yaml',
      coverage: 87.5,
      sections: SECTIONS,
      askedSections: SECTIONS,
    },
    { role: 'sales', source: 'answers/priya.yaml', coverage: 75, sections: SECTIONS, askedSections: SECTIONS },
  ];
  d.areas = [
    { ...d.areas[0]!, capability: 53.333333333333336, capacity: 43.333333333333336, readiness: 33.333333333333336 },
    { ...d.areas[1]!, capability: 75, capacity: 70.23809523809524, readiness: 65 },
  ];
  d.summary = {
    readiness: 43.333333333333336,
    capability: 65,
    capacity: 58.333333333333336,
    alignment: 41.666666666666664,
    interlock: 45,
    practices: null,
    coverage: 100,
  };
  d.interlock = [
    { from: 'pmm', to: 'pm', health: 25 },
    { from: 'pm', to: 'pmm', health: 58.333333333333336 },
  ];
  // Who said what, in respondent order; undefined = did not answer. Grouped by answer, low to high, as the scorer does.
  const said = (...values: (string | undefined)[]) => {
    const groups = new Map<string, Disagreement['groups'][number]>();
    values.forEach((value, i) => {
      if (value === undefined) return;
      const group = groups.get(value) ?? { value, count: 0, respondents: [] };
      group.count++;
      group.respondents.push({ name: respondentName(d.respondents[i]!), role: d.respondents[i]!.role });
      groups.set(value, group);
    });
    return [...groups.values()].sort((a, b) => a.value.localeCompare(b.value));
  };
  d.disagreements = [
    { id: 'market-problem-discovery', axis: 'capability', spread: 3, groups: said('1', '4', '2') },
    { id: 'launch-planning', axis: 'owner', spread: null, groups: said('shared', 'pm', 'pmm') },
    { id: 'win-loss-feedback', axis: 'delivery', spread: 2, groups: said('3', '1') },
  ];
  d.perception = [
    {
      function: 'pm',
      self: 75,
      others: 12.5,
      gap: 62.5,
      items: [{ id: 'market-problem-discovery', self: 4, others: 1.5, difference: 2.5 }],
    },
    {
      function: 'pmm',
      self: 95,
      others: 77.5,
      gap: 17.5,
      items: [
        { id: 'competitive-analysis', self: 5, others: 4, difference: 1 },
        { id: 'positioning-and-messaging', self: 4, others: 5, difference: -1 },
      ],
    },
  ];
  d.areaRoles = [
    {
      role: 'pmm',
      areas: [
        { id: 'market-insight', readiness: 50 },
        { id: 'launch', readiness: 75 },
      ],
    },
    {
      role: 'pm',
      areas: [
        { id: 'market-insight', readiness: 0 },
        { id: 'launch', readiness: null },
      ],
    },
    {
      role: 'sales',
      areas: [
        { id: 'market-insight', readiness: 25 },
        { id: 'launch', readiness: 62.5 },
      ],
    },
  ];
  d.knowledgeGaps = {
    unknown: [{ id: 'sales-enablement', axis: 'capability', count: 2 }],
    unanswered: [{ id: 'pricing-and-packaging', respondents: 2 }],
  };
  d.handoffPerception = [{ id: 'win-loss-feedback', from: 'pmm', to: 'pm', giver: 3, receiver: 1, difference: 2 }];
  d.unevidenced = [
    { id: 'competitive-analysis', claims: 3, unevidenced: 2, respondents: ['Dana Lee', 'respondent 3 (sales)'] },
  ];
  return d;
}

/** Every trick a title, note or name could try on a terminal or a markdown renderer. */
export const HOSTILE =
  '\u001b[2JClear \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 a|b \\| c\r\n# Heading <script>alert(1)</script> [x](javascript:alert(1)) \u202Egnp.exe `code` *bold* "quote": [0.5, 0.5]';

/** The team diagnosis with hostile text wherever text comes from a bank or an answers file. */
export function hostileDiagnosis(): Diagnosis {
  const d = teamDiagnosis();
  d.bank.title = HOSTILE;
  d.organization = HOSTILE;
  d.functionNames = { ...d.functionNames, pm: `PM ${HOSTILE}`, pmm: `PMM ${HOSTILE}` };
  d.respondents[0]!.name = HOSTILE;
  d.respondents[2]!.source = HOSTILE;
  for (const item of d.items) {
    item.title = `${item.title} ${HOSTILE}`;
    item.discussion = [HOSTILE, ...item.discussion];
    item.notes = [{ respondent: HOSTILE, note: HOSTILE }];
    if (item.kind === 'responsibility') item.area = { id: item.area.id, title: HOSTILE };
  }
  for (const area of d.areas) area.title = `${area.title} ${HOSTILE}`;
  for (const x of d.disagreements) for (const g of x.groups) for (const r of g.respondents) r.name = HOSTILE;
  return d;
}

/** The single diagnosis with `extra` more critical responsibilities, all of them gaps. */
export function crowdedDiagnosis(extra: number): Diagnosis {
  const d = singleDiagnosis();
  const critical = d.items[0]!;
  const added = Array.from({ length: extra }, (_, i) => ({
    ...critical,
    id: `extra-${i + 1}`,
    title: `Extra responsibility ${i + 1}`,
  }));
  d.items.push(...added);
  d.gaps.push(...added.map((i) => i.id));
  return d;
}
