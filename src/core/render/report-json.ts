import type { CharterOutcome, Diagnosis, ItemScore } from '../score/model.js';
import { rounded } from '../score/math.js';
import { charterRows, decisionText } from './report-view.js';

// The JSON report: a public contract (docs/design.md, "The report"). Keys may be added, never renamed.
// Numbers are rounded as the other formats print them (score/math.ts); undefined values are null, never missing.

const index = (value: number | null | undefined) => rounded(value, 'index');
const mean = (value: number | null | undefined) => rounded(value, 'mean');
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Pretty JSON that is safe on a terminal: JSON.stringify escapes C0 controls but not DEL, C1 controls
 * or bidi overrides, so those are escaped too (they only occur inside strings, so it parses to the same text).
 */
export function safeJson(value: unknown): string {
  return `${terminalSafeJson(JSON.stringify(value, null, 2))}\n`;
}

/** JSON text with DEL, C1 controls and bidi overrides escaped too (they only occur inside its strings). */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What the room must decide about an item: worded for every gap, the bank's own text (or null) otherwise. */
const decision = (d: Diagnosis, i: ItemScore): string | null =>
  i.priority > 0 ? decisionText(d, i) : (i.decision ?? null);

function item(d: Diagnosis, i: ItemScore) {
  const common = {
    id: i.id,
    kind: i.kind,
    title: i.title,
    weight: i.weight,
    target: i.target,
    priority: mean(i.priority),
    answered: i.answered,
    notApplicable: i.notApplicable,
    unknown: i.unknown,
  };
  const extra = {
    discussion: i.discussion,
    decision: decision(d, i),
    notes: i.notes.map((n) => ({ respondent: n.respondent, role: n.role ?? null, note: n.note })),
  };
  if (i.kind === 'interlock') {
    const { giver, receiver } = i.deliveryBySide;
    return {
      ...common,
      from: i.from,
      to: i.to,
      delivery: mean(i.delivery),
      deliveryBySide: { giver: mean(giver), receiver: mean(receiver) },
      health: index(i.health),
      ...extra,
    };
  }
  if (i.kind === 'practice') {
    return {
      ...common,
      area: i.area.id,
      frequency: mean(i.frequency),
      readiness: index(i.readiness),
      ...extra,
    };
  }
  const { recommended, contributors, consensus, status, contested, votes, decided } = i.owner;
  // With --charter only: the organization's decision the status is measured against, or null.
  const charter =
    d.charter === undefined
      ? {}
      : {
          decided:
            decided === undefined
              ? null
              : { owner: decided.owner, contributors: decided.contributors, note: decided.note ?? null },
        };
  return {
    ...common,
    area: i.area.id,
    capability: mean(i.capability),
    capacity: mean(i.capacity),
    readiness: index(i.readiness),
    quadrant: i.quadrant,
    unevidenced: i.unevidenced,
    owner: { recommended, contributors, ...charter, consensus, status, contested, votes },
    ...extra,
  };
}

function decidedJson(c: CharterOutcome) {
  return {
    source: c.source,
    organization: c.organization ?? null,
    decided: c.decided,
    followed: c.decisions.filter((x) => x.status === 'aligned').map((x) => x.id),
    overdue: c.actions.filter((a) => a.overdue).length,
    decisions: c.decisions.map((x) => ({
      id: x.id,
      owner: x.owner,
      contributors: x.contributors,
      note: x.note ?? null,
      recommended: x.recommended,
      recommendedContributors: x.recommendedContributors,
      departs: x.departs,
      status: x.status,
      contested: x.contested,
      follows: x.status === 'aligned',
    })),
    outOfScope: c.outOfScope,
    actions: c.actions.map((a) => ({ ...a })),
  };
}

/** The JSON report as one text (the facilitator page's download). */
export function renderReportJson(d: Diagnosis, opts: { top: number }): string {
  return [...reportJsonPieces(d, opts)].join('');
}

/** A respondent's line of `respondentList`. */
const listed = (r: Diagnosis['respondents'][number]) => ({
  name: r.name ?? null,
  role: r.role ?? null,
  source: r.source,
  coverage: index(r.coverage),
  answeredAreas: r.sections,
});

/**
 * How many respondents one piece of the list carries: few writes, and each piece small enough for the
 * young heap (a large text goes straight to the old one, to wait for a full collection).
 */
const LISTED_PER_PIECE = 200;

/** Where the report's own key `respondentList` is: at the top level, so indented by two spaces. */
const LIST_KEY = '\n  "respondentList": ';

/**
 * The JSON report in pieces, the respondent list a few hundred at a time: a report over a million rows
 * would otherwise be held whole, as objects and then as one text longer than V8 allows.
 */
export function* reportJsonPieces(d: Diagnosis, opts: { top: number }): Generator<string> {
  const whole = safeJson(reportWithoutList(d, opts));
  const at = whole.indexOf(LIST_KEY) + LIST_KEY.length;
  if (d.respondents.length === 0) {
    yield whole;
    return;
  }
  yield whole.slice(0, at) + '[';
  for (let first = 0; first < d.respondents.length; first += LISTED_PER_PIECE) {
    const piece = d.respondents.slice(first, first + LISTED_PER_PIECE).map((r, i) => {
      const comma = first + i === 0 ? '' : ',';
      return `${comma}\n    ${JSON.stringify(listed(r), null, 2).replaceAll('\n', '\n    ')}`;
    });
    yield terminalSafeJson(piece.join(''));
  }
  yield '\n  ]' + whole.slice(at + '[]'.length);
}

function reportWithoutList(d: Diagnosis, opts: { top: number }) {
  const s = d.summary;
  return {
    schemaVersion: 1,
    generatedAt: d.date,
    bank: { id: d.bank.id, version: d.bank.version, title: d.bank.title },
    organization: d.organization ?? null,
    stage: d.stage,
    stageSource: d.stageSource ?? null,
    facts: d.facts,
    form: d.form,
    forms: d.forms,
    respondents: d.respondents.length,
    target: d.target,
    summary: {
      readiness: index(s.readiness),
      capability: index(s.capability),
      capacity: index(s.capacity),
      alignment: index(s.alignment),
      interlock: index(s.interlock),
      practices: index(s.practices),
      coverage: index(s.coverage),
    },
    functions: d.functions.map((f) => ({
      id: f.id,
      capability: index(f.capability),
      capacity: index(f.capacity),
      readiness: index(f.readiness),
    })),
    areas: d.areas.map((a) => ({
      id: a.id,
      capability: index(a.capability),
      capacity: index(a.capacity),
      readiness: index(a.readiness),
    })),
    interlock: d.interlock.map((dir) => ({ from: dir.from, to: dir.to, health: index(dir.health) })),
    items: d.items.map((i) => item(d, i)),
    // Every ownership problem, the worst first: the role charter the room decides.
    charter: charterRows(d).map(({ item: i, decision: text }) => ({
      id: i.id,
      recommended: i.owner.recommended,
      contributors: i.owner.contributors,
      answers: i.owner.votes,
      status: i.owner.status,
      contested: i.owner.contested,
      decision: text,
    })),
    // Every gap, most urgent first; `top` says how many the other formats put on the agenda.
    gaps: d.gaps,
    outOfScope: d.outOfScope,
    top: opts.top,
    // Listed in pieces by reportJsonPieces.
    respondentList: [],
    disagreements: d.disagreements.map((x) => ({
      id: x.id,
      axis: x.axis,
      spread: mean(x.spread),
      groups: x.groups.map((g) => ({
        value: g.value,
        count: g.count,
        respondents: g.respondents.map((r) => ({ name: r.name, role: r.role ?? null })),
      })),
    })),
    perception: d.perception.map((p) => ({
      function: p.function,
      self: index(p.self),
      others: index(p.others),
      gap: index(p.gap),
      items: p.items.map((i) => ({
        id: i.id,
        self: mean(i.self),
        others: mean(i.others),
        difference: mean(i.difference),
      })),
    })),
    handoffPerception: d.handoffPerception.map((h) => ({
      id: h.id,
      from: h.from,
      to: h.to,
      giver: mean(h.giver),
      receiver: mean(h.receiver),
      difference: mean(h.difference),
    })),
    unevidenced: d.unevidenced,
    knowledgeGaps: d.knowledgeGaps,
    // With --charter only: the organization's decisions against the recommendation, and its actions, overdue first.
    ...(d.charter === undefined ? {} : { decided: decidedJson(d.charter) }),
  };
}
