import type { Axis, Diagnosis, ItemScore, Quadrant } from '../score/model.js';
import {
  ACTION_COLUMNS,
  DECISIONS_TITLE,
  DECISION_COLUMNS,
  actionRows,
  charterSummary,
  decisionRows,
  decisionsIntro,
} from './charter-view.js';
import { fmtIndex, fmtMean, fmtSigned } from './layout.js';
import {
  CHARTER_COLUMNS,
  CHARTER_INTRO,
  CHARTER_TITLE,
  QUADRANTS,
  charterRows,
  decisionText,
  definitions,
  mapQuadrants,
  perceptionLine,
  knowledgeRows,
  groupCells,
  itemIndex,
  itemMean,
  noteAuthor,
  noteGroups,
  INTRO,
  isTeam,
  LISTED_RESPONDENTS,
  NONE,
  shownFunctions,
  noGapsText,
  NOT_RATED,
  PLAN_COLUMNS,
  PLAN_INTRO,
  scoring,
  SUMMARY_COUNT,
  PRACTICES_INTRO,
  deliveryText,
  practiceAreas,
  actionPlan,
  answersText,
  axisText,
  directions,
  groupName,
  header,
  headline,
  itemFacts,
  itemTitle,
  label,
  levelCounts,
  mapPoints,
  moreInJson,
  ownerText,
  priorityFormula,
  problemText,
  quadrantItems,
  reportSections,
  respondentName,
  summary,
  targetScore,
  tone,
  topDisagreements,
  topGaps,
  worstOwnership,
  type SectionId,
} from './report-view.js';
import { barChart, type BarRow } from './svg/bars.js';
import { dumbbells } from './svg/dumbbell.js';
import { heatmap } from './svg/heatmap.js';
import {
  EVIDENCE_INTRO,
  EVIDENCE_NONE,
  HANDOFF_INTRO,
  HANDOFF_NONE,
  evidenceRows,
  handoffRows,
} from './report-scope.js';
import { esc } from './svg/markup.js';
import { figure, joined, list, p, page, scrollBox, section, table as plainTable, type Html } from './html/page.js';
import { marksLegend } from './marks.js';

/** Every table of the report scrolls in its own box on a narrow screen. */
const table = (caption: string, head: string[], rows: Html[][], numeric: number[] = []): Html =>
  scrollBox(`Table: ${caption}`, plainTable(caption, head, rows, numeric));
import { strips } from './svg/strips.js';

// The gap report as one self-contained HTML page for a meeting room: the same words and numbers as
// the terminal and markdown reports (report-view.ts), with inline SVG charts, each with its data
// as a table below it (html/page.ts: no script, and a Content-Security-Policy that lets nothing load).

/** Figures side by side where the screen is wide enough for two. */
const figures = (parts: Html[]): Html => `<div class="figs">${parts.join('\n')}</div>`;

interface Part {
  id: string;
  title: string;
  html: Html;
}

function headerHtml(d: Diagnosis): Html {
  const [bank, ...facts] = header(d);
  return `<header><h1>Gap report <span class="sub">${esc(bank![1])}</span></h1><dl class="facts">${facts.map(([n, v]) => `<div><dt>${esc(n)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl></header>`;
}

function summaryPart(d: Diagnosis, top: number): Part {
  const count = Math.min(SUMMARY_COUNT, top);
  const main = headline(d);
  const cards = main
    .map(
      ([name, value, missing]) =>
        `<div class="card t-${tone(value, d.target)}"><span class="name">${esc(name)}</span><span class="big">${esc(fmtIndex(value, missing))}</span></div>`,
    )
    .join('');
  const others = summary(d)
    .filter(([name]) => !main.some(([m]) => m === name))
    .map(([name, value, missing]) => `${esc(name)} <strong>${esc(fmtIndex(value, missing))}</strong>`)
    .join(' · ');
  const gaps = topGaps(d, count).map((item) => `<strong>${esc(item.title)}</strong>: ${esc(problemText(d, item))}`);
  const owners = worstOwnership(d, SUMMARY_COUNT).map(
    (item) => `<strong>${esc(item.title)}</strong>: ${esc(ownerText(item))}`,
  );
  const spreads = topDisagreements(d, count).map(
    (x) => `<strong>${esc(itemTitle(d, x.id))}</strong>: ${esc(axisText(x))}`,
  );
  const block = (title: string, items: Html[], none: string, ordered = false) =>
    `<div class="block"><h3>${esc(title)}</h3>${items.length === 0 ? p(none) : list(items, ordered)}</div>`;
  const html = [
    p(INTRO.scores),
    `<div class="cards">${cards}</div>`,
    `<p class="others">${others}</p>`,
    `<div class="blocks">`,
    block('Top gaps', gaps, noGapsText(d), true),
    block('Worst ownership problems', owners, NONE.ownership),
    isTeam(d) ? block('Widest disagreements', spreads, NONE.disagreements) : '',
    perceptionLine(d) === undefined ? '' : block('Widest self-vs-others gap', [esc(perceptionLine(d)!)], ''),
    ...(charterSummary(d) === undefined ? [] : [block('Our charter', [esc(charterSummary(d)!)], '')]),
    `</div>`,
  ].join('\n');
  return { id: 'summary', title: 'Summary', html };
}

function groupsPart(d: Diagnosis): Part {
  // A role's missing readiness is marked as "don't know", n/a or not answered: the legend says which is which.
  const rolesLegend = d.areaRoles.some((r) => r.areas.some((a) => a.missing !== undefined)) ? p(marksLegend()) : '';
  const groups = [
    ...shownFunctions(d).map((f) => ({
      name: groupName(d, f.id),
      ...f,
      cells: groupCells(d, { function: f.id }, f).map((c) => c.text),
    })),
    ...d.areas.map((a) => ({ name: a.title, ...a, cells: groupCells(d, { area: a.id }, a).map((c) => c.text) })),
  ];
  const bars: BarRow[] = groups.map((g) => ({
    label: g.name,
    value: g.readiness,
    shown: g.cells[2]!,
    tone: tone(g.readiness, d.target),
  }));
  const readiness = figure(
    'Readiness by function and area',
    barChart('chart-groups', 'Readiness by function and area, against the target', bars, targetScore(d.target)),
    table(
      'Functions and areas',
      ['Function or area', 'Capability', 'Capacity', 'Readiness'],
      groups.map((g) => [esc(g.name), ...g.cells.map(esc)]),
      [1, 2, 3],
    ),
  );
  const columns = ['Capability', 'Capacity', 'Readiness'];
  const heat = figure(
    'Areas: capability, capacity and readiness',
    heatmap(
      'chart-areas',
      'Areas by capability, capacity and readiness',
      columns,
      d.areas.map((a) => ({
        label: a.title,
        cells: groupCells(d, { area: a.id }, a).map((c, i) => ({
          shown: c.text,
          tone: tone([a.capability, a.capacity, a.readiness][i]!, d.target),
        })),
      })),
    ),
    table(
      'Areas',
      ['Area', ...columns],
      d.areas.map((a) => [esc(a.title), ...groupCells(d, { area: a.id }, a).map((c) => esc(c.text))]),
      [1, 2, 3],
    ),
  );
  return {
    id: 'groups',
    title: 'Functions and areas',
    html:
      figures([readiness, d.areas.length > 0 ? heat : '', d.areaRoles.length > 0 ? areaRolesHtml(d) : '']) +
      rolesLegend +
      practicesHtml(d),
  };
}

/** Each area's practices with how often they hold (bank v3), as a chart and its table; nothing without practices. */
function practicesHtml(d: Diagnosis): Html {
  const areas = practiceAreas(d);
  if (areas.length === 0) return '';
  const bars: BarRow[] = areas.flatMap((a) => [
    { label: a.title, value: null, shown: '', tone: 'none' as const, group: true },
    ...a.items.map((i) => ({
      label: i.title,
      value: i.readiness,
      shown: itemIndex(i),
      tone: tone(i.readiness, d.target),
      indent: true,
    })),
  ]);
  return figure(
    'Practices by area',
    barChart('chart-practices', 'Readiness of each practice by area, against the target', bars, targetScore(d.target)),
    p(PRACTICES_INTRO) +
      table(
        'Practices',
        ['Area', 'Practice', 'Weight', 'Frequency', 'Readiness'],
        areas.flatMap((a) =>
          a.items.map((i) => [
            esc(a.title),
            esc(i.title),
            String(i.weight),
            esc(itemMean(i, 'frequency')),
            esc(itemIndex(i)),
          ]),
        ),
        [2, 3, 4],
      ),
  );
}

/** Several respondents: each role's readiness per area, as the people in that role see it. */
function areaRolesHtml(d: Diagnosis): Html {
  const roles = d.areaRoles.map((r) => label(r.role));
  const cellOf = (areaIndex: number, roleIndex: number) =>
    d.areaRoles[roleIndex]!.areas.find((a) => a.id === d.areas[areaIndex]!.id);
  const value = (areaIndex: number, roleIndex: number) => cellOf(areaIndex, roleIndex)?.readiness ?? null;
  const shown = (areaIndex: number, roleIndex: number) =>
    fmtIndex(value(areaIndex, roleIndex), cellOf(areaIndex, roleIndex)?.missing);
  return figure(
    'Readiness by area, as each role sees it',
    heatmap(
      'chart-area-roles',
      'Readiness by area and respondent role',
      roles,
      d.areas.map((a, i) => ({
        label: a.title,
        cells: roles.map((_, r) => ({ shown: shown(i, r), tone: tone(value(i, r), d.target) })),
      })),
    ),
    table(
      'Readiness by area and role',
      ['Area', ...roles],
      d.areas.map((a, i) => [esc(a.title), ...roles.map((_, r) => esc(shown(i, r)))]),
      roles.map((_, r) => r + 1),
    ),
  );
}

/** The capability × capacity map as a 2×2 grid of named lists: every name readable, none drawn over another. */
function mapPart(d: Diagnosis): Part {
  const byQuadrant = mapQuadrants(d);
  const unrated = quadrantItems(d).get(null)!;
  const cell = (q: Quadrant) => {
    const { name, meaning } = QUADRANTS.find((x) => x.id === q)!;
    const points = byQuadrant.get(q)!;
    const items = points.map(
      (pt) =>
        `<li value="${pt.number}">${esc(pt.item.title)} <span class="sub">${fmtMean(pt.item.capability)} · ${fmtMean(pt.item.capacity)}</span></li>`,
    );
    return `<div class="quad q-${q}"><h3>${esc(name)} <span class="sub">${esc(meaning)} (${points.length})</span></h3>${points.length === 0 ? p('None.') : `<ol>${items.join('')}</ol>`}</div>`;
  };
  const grid =
    `<div class="quads" role="group" aria-label="Capability × capacity map">` +
    `<p class="axis-y">Capability at target ↑</p><p class="axis-x">Capacity at target →</p>${(['stretched', 'strength', 'critical', 'underskilled'] as const).map(cell).join('')}</div>`;
  const html = [
    mapPoints(d).length === 0
      ? p(INTRO.noMap)
      : p(
          `${INTRO.mapTable} Top row: capability at target; right column: capacity at target. After each name: capability · capacity.`,
        ) + grid,
    unrated.length > 0
      ? p(
          `${NOT_RATED.name} (${NOT_RATED.meaning}; capability, capacity): ${unrated.map((i) => `${i.title} (${itemMean(i, 'capability')}, ${itemMean(i, 'capacity')})`).join(', ')}.`,
        )
      : '',
  ];
  return { id: 'map', title: 'Capability × capacity map', html: html.join('\n') };
}

function gapHtml(d: Diagnosis, item: ItemScore): Html {
  const lines = [
    `<p class="gap-title"><strong>${esc(item.title.trim() || item.id)}</strong>, priority ${fmtMean(item.priority)}</p>`,
    `<p class="formula">${esc(priorityFormula(d, item))}</p>`,
    p(itemFacts(d, item).join(' · ')),
  ];
  if (item.kind === 'responsibility') lines.push(p(`Owner: ${ownerText(item)}`));
  lines.push(`<p class="decision"><strong>Decision:</strong> ${esc(decisionText(d, item))}</p>`);
  if (item.discussion.length > 0) lines.push(`<p class="discuss">Discuss:</p>${list(item.discussion.map(esc))}`);
  lines.push(...item.notes.map((n) => `<p class="note">Note from ${esc(noteAuthor(n))}: ${esc(n.note)}</p>`));
  return lines.join('\n');
}

function agendaPart(d: Diagnosis, top: number): Part {
  const gaps = topGaps(d, top);
  const html =
    gaps.length === 0
      ? p(noGapsText(d))
      : p(INTRO.agenda(gaps.length, d.gaps.length)) +
        list(
          gaps.map((g) => gapHtml(d, g)),
          true,
        );
  return { id: 'agenda', title: 'Top gaps: the agenda', html };
}

function planPart(d: Diagnosis, top: number): Part {
  const rows = actionPlan(d, top);
  const html =
    rows.length === 0
      ? p(noGapsText(d))
      : p(PLAN_INTRO) +
        `<div class="plan">${table(
          'Action plan',
          PLAN_COLUMNS,
          rows.map((r) => [String(r.rank), esc(r.title), esc(r.problem), esc(r.decision), '', '', '']),
          [0],
        )}</div>`;
  return { id: 'plan', title: 'Action plan', html };
}

function charterPart(d: Diagnosis): Part {
  const rows = charterRows(d).map((r) =>
    [r.item.title, r.recommended, r.contributors, r.answers, r.status, r.decision].map(esc),
  );
  const html =
    rows.length === 0
      ? p(NONE.ownership)
      : p(CHARTER_INTRO(d)) + `<div class="charter">${table(CHARTER_TITLE, CHARTER_COLUMNS, rows)}</div>`;
  return { id: 'charter', title: CHARTER_TITLE, html };
}

function decisionsPart(d: Diagnosis): Part {
  const decisions = decisionRows(d).map((r) =>
    [
      r.title,
      r.decided,
      r.contributors,
      r.recommended,
      r.answers,
      r.follows + (r.note ? ` (note: ${r.note})` : ''),
    ].map(esc),
  );
  const actions = actionRows(d).map((a) =>
    [a.item, a.action, a.owner, a.due, a.status].map((v, i) =>
      i === 4 && a.overdue ? `<strong>${esc(v)}</strong>` : esc(v),
    ),
  );
  const html =
    p(decisionsIntro(d.charter!)) +
    (decisions.length === 0
      ? p('No decision over an item in this report.')
      : `<div class="charter">${table('Decisions', DECISION_COLUMNS, decisions)}</div>`) +
    (actions.length === 0
      ? p('No actions.')
      : `<div class="charter">${table('Actions, overdue first', ACTION_COLUMNS, actions)}</div>`);
  return { id: 'decisions', title: DECISIONS_TITLE, html };
}

const definitionsPart = (d: Diagnosis): Part => ({
  id: 'definitions',
  title: 'Definitions',
  html: `<dl class="terms">${definitions(d)
    .map(([term, meaning]) => `<div><dt>${esc(term)}</dt><dd>${esc(meaning)}</dd></div>`)
    .join('')}</dl>`,
});

function interlockPart(d: Diagnosis): Part {
  const dirs = directions(d);
  if (dirs.every((dir) => dir.items.length === 0))
    return { id: 'interlock', title: 'Interlock delivery', html: p(NONE.interlock) };
  const bars: BarRow[] = dirs.flatMap((dir) => [
    {
      label: dir.short,
      value: dir.health,
      shown: fmtIndex(dir.health, dir.missing),
      tone: tone(dir.health, d.target),
      group: true,
    },
    ...dir.items.map((i) => ({
      label: i.title,
      value: i.health,
      shown: itemIndex(i),
      tone: tone(i.health, d.target),
      indent: true,
    })),
  ]);
  const data = dirs
    .map((dir) =>
      table(
        `${dir.name}: health ${fmtIndex(dir.health, dir.missing)}`,
        ['Deliverable', 'Weight', 'Delivery', 'Health'],
        dir.items.map((i) => [esc(i.title), String(i.weight), esc(deliveryText(d, i)), esc(itemIndex(i))]),
        [1, 2, 3],
      ),
    )
    .join('\n');
  return {
    id: 'interlock',
    title: 'Interlock delivery',
    html: figure(
      'Interlock health by direction',
      barChart(
        'chart-interlock',
        'Interlock health by direction and deliverable, against the target',
        bars,
        targetScore(d.target),
      ),
      data,
    ),
  };
}

function respondentsPart(d: Diagnosis): Part {
  const listed = d.respondents.slice(0, LISTED_RESPONDENTS);
  const more = moreInJson(listed.length, d.respondents.length, 'respondents');
  return {
    id: 'respondents',
    title: 'Respondents',
    html:
      table(
        'Respondents',
        ['Respondent', 'Role', 'Coverage'],
        listed.map((r) => [esc(respondentName(r)), esc(label(r.role)), fmtIndex(r.coverage)]),
        [2],
      ) + (more ? p(more) : ''),
  };
}

function disagreementsPart(d: Diagnosis, top: number): Part {
  const shown = topDisagreements(d, top);
  const more = moreInJson(shown.length, d.disagreements.length, 'disagreements');
  const html =
    p(INTRO.disagreements) +
    (d.disagreements.length === 0
      ? p(NONE.disagreements)
      : table(
          'Disagreements',
          ['Item', 'Axis', 'Who said what'],
          shown.map((x) => [esc(itemTitle(d, x.id)), esc(axisText(x)), answersText(x).map(esc).join('<br>')]),
        )) +
    (more ? p(more) : '');
  return { id: 'disagreements', title: 'Disagreements', html };
}

const LEVELS = '1 · 2 · 3 · 4 · 5';

/**
 * Per area (its responsibilities, then its practices) and per hand-off direction, the answers level by
 * level of the items the room discusses: those on the agenda and the disagreements listed (a bank
 * of some eighty items would otherwise outgrow the page's budget).
 */
function answersHtml(d: Diagnosis, top: number): Html {
  const discussed = new Set([...topGaps(d, top).map((i) => i.id), ...topDisagreements(d, top).map((x) => x.id)]);
  const shown = (items: readonly ItemScore[]) => items.filter((i) => discussed.has(i.id));
  const practices = new Map(practiceAreas(d).map((a) => [a.id, a.items as ItemScore[]]));
  const groups = [
    ...d.areas.flatMap((a) => [
      {
        title: a.title,
        axes: ['capability', 'capacity'] as readonly Axis[],
        items: shown(d.items.filter((i) => i.kind === 'responsibility' && i.area.id === a.id)),
      },
      // Bank v3: an area's practices, on their one axis, right after the area.
      {
        title: `${a.title}: practices`,
        axes: ['frequency'] as readonly Axis[],
        items: shown(practices.get(a.id) ?? []),
      },
    ]),
    ...directions(d).map((dir) => ({
      title: dir.name,
      axes: ['delivery'] as readonly Axis[],
      items: shown(dir.items),
    })),
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return p(INTRO.answers) + p(NONE.answers);
  const mean = (item: ItemScore, axis: Axis): number | null =>
    axis in item ? (item as Partial<Record<Axis, number | null>>)[axis]! : null;
  const charts = groups.map((g, n) => {
    const rows = g.items.map((item) => ({
      label: item.title,
      axes: g.axes.map((axis) => ({
        counts: levelCounts(item.levels[axis]),
        mean: mean(item, axis),
        target: item.target,
      })),
    }));
    // One row per item: each axis's counts at levels 1 to 5, then its mean.
    const data = g.items.map((item) => [
      esc(item.title),
      ...g.axes.flatMap((axis) => [levelCounts(item.levels[axis]).join(' · '), fmtMean(mean(item, axis))]),
    ]);
    const axisNames = g.axes.map((a) => `${a[0]!.toUpperCase()}${a.slice(1)}`);
    const head = ['Item', ...axisNames.flatMap((name) => [`${name} at ${LEVELS}`, `${name} mean`])];
    return figure(
      `Answers: ${g.title}`,
      strips(`chart-answers-${n}`, `How many respondents gave each level: ${g.title}`, axisNames, rows),
      table(
        `Answers: ${g.title}`,
        head,
        data,
        axisNames.flatMap((_, a) => [1 + 2 * a, 2 + 2 * a]),
      ),
    );
  });
  return p(INTRO.answers) + figures(charts);
}

function perceptionHtml(d: Diagnosis): Html {
  const intro = p(INTRO.perception);
  if (d.perception.length === 0) return intro + p(NONE.perception);
  const indexRows = d.perception.map((pg) => ({
    label: d.functionNames[pg.function],
    a: pg.self,
    b: pg.others,
    group: true,
  }));
  const itemRows = d.perception
    .filter((pg) => pg.items.length > 0)
    .flatMap((pg) => [
      { label: d.functionNames[pg.function], a: null, b: null, group: true },
      ...pg.items.map((i) => ({ label: itemTitle(d, i.id), a: i.self, b: i.others })),
    ]);
  const byFunction = figure(
    'Perception: capability index',
    dumbbells('chart-perception', 'Capability index: self against others', indexRows, ['Self', 'Others'], {
      min: 0,
      max: 100,
      ticks: [0, 25, 50, 75, 100],
    }),
    table(
      'Perception gaps',
      ['Function', 'Self', 'Others', 'Gap'],
      d.perception.map((pg) => [
        esc(d.functionNames[pg.function]),
        fmtIndex(pg.self),
        fmtIndex(pg.others),
        fmtSigned(pg.gap, fmtIndex),
      ]),
      [1, 2, 3],
    ),
  );
  const byItem =
    itemRows.length === 0
      ? ''
      : figure(
          'Perception: items that differ most',
          dumbbells('chart-perception-items', 'Item capability: self against others', itemRows, ['Self', 'Others'], {
            min: 1,
            max: 5,
            ticks: [1, 2, 3, 4, 5],
          }),
          table(
            'Items that differ most',
            ['Function', 'Item', 'Self', 'Others', 'Difference'],
            d.perception.flatMap((pg) =>
              pg.items.map((i) => [
                esc(d.functionNames[pg.function]),
                esc(itemTitle(d, i.id)),
                fmtMean(i.self),
                fmtMean(i.others),
                fmtSigned(i.difference, fmtMean),
              ]),
            ),
            [2, 3, 4],
          ),
        );
  return intro + figures([byFunction, byItem]);
}

function knowledgePart(d: Diagnosis): Part {
  const rows = knowledgeRows(d).map((row) => row.map(esc));
  return {
    id: 'knowledge',
    title: 'Knowledge gaps',
    html:
      rows.length === 0
        ? p(NONE.knowledge)
        : table('Knowledge gaps', ['Item', 'What is missing', 'Respondents'], rows, [2]),
  };
}

function handoffPart(d: Diagnosis): Part {
  const rows = handoffRows(d).map((row) => row.map(esc));
  return {
    id: 'handoff',
    title: 'Handoff perception',
    html:
      p(HANDOFF_INTRO) +
      (rows.length === 0
        ? p(HANDOFF_NONE)
        : table('Handoff perception', ['Handoff', 'Direction', 'Giver', 'Receiver', 'Difference'], rows, [2, 3, 4])),
  };
}

function evidencePart(d: Diagnosis): Part {
  const rows = evidenceRows(d).map((row) => row.map(esc));
  return {
    id: 'evidence',
    title: 'Claims without evidence',
    html:
      p(EVIDENCE_INTRO) +
      (rows.length === 0
        ? p(EVIDENCE_NONE)
        : table('Claims without evidence', ['Responsibility', 'Unevidenced', 'Respondents'], rows, [1])),
  };
}

/** Every note, by item, each with who wrote it. */
function notesPart(d: Diagnosis): Part {
  const groups = noteGroups(d);
  const html =
    groups.length === 0
      ? p(NONE.notes)
      : `<div class="notes">${groups.map((g) => `<div><h3>${esc(g.title)} <span class="sub">(${esc(g.id)})</span></h3>${list(g.notes.map((n) => `<strong>${esc(n.author)}</strong>: ${esc(n.note)}`))}</div>`).join('\n')}</div>`;
  return { id: 'notes', title: 'Notes', html };
}

const scoringPart = (d: Diagnosis): Part => ({
  id: 'scoring',
  title: 'How this is scored',
  html: list(scoring(d).map(esc)),
});

export function renderReportHtml(d: Diagnosis, opts: { top: number }): string {
  const parts: Record<SectionId, () => Part> = {
    summary: () => summaryPart(d, opts.top),
    groups: () => groupsPart(d),
    map: () => mapPart(d),
    agenda: () => agendaPart(d, opts.top),
    plan: () => planPart(d, opts.top),
    charter: () => charterPart(d),
    decisions: () => decisionsPart(d),
    definitions: () => definitionsPart(d),
    interlock: () => interlockPart(d),
    respondents: () => respondentsPart(d),
    disagreements: () => disagreementsPart(d, opts.top),
    answers: () => ({ id: 'answers', title: 'How the answers spread', html: answersHtml(d, opts.top) }),
    handoff: () => handoffPart(d),
    perception: () => ({ id: 'perception', title: 'Perception gaps', html: perceptionHtml(d) }),
    evidence: () => evidencePart(d),
    knowledge: () => knowledgePart(d),
    notes: () => notesPart(d),
    scoring: () => scoringPart(d),
  };
  const sections = reportSections(d).map((id) => parts[id]());
  const nav = `<nav aria-label="Sections"><ol>${sections.map((part) => `<li><a href="#${part.id}">${esc(part.title)}</a></li>`).join('')}</ol></nav>`;
  return page(
    `Gap report: ${d.bank.title}`,
    `${headerHtml(d)}\n${nav}` +
      `\n<main>\n${joined(
        sections.map((part) => section(part.id, part.title, part.html)),
        '\n',
      )}\n</main>`,
  );
}
