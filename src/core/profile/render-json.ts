import { safeJson } from '../render/report-json.js';
import { round } from '../score/math.js';
import { isConclusive, type ProfileResult } from './score.js';
import type { TeamResult } from './team.js';
import { CAVEAT, reasonSentence } from './view.js';

// The profile's JSON, a public contract (docs/design.md "The profile"). Version 2 keeps every key of
// version 1 with its meaning (`label` may now also be `inconclusive`) and adds keys after them, never
// renaming one; `schemaVersion` is 2 because `label` has a new value. Tendencies, scores and the
// consistency to one decimal; confidence is answered / items exactly, as the contract gives no
// rounding for it.

export function profileJson(r: ProfileResult) {
  const c = r.consistency;
  return {
    schemaVersion: 2,
    profile: { id: r.profile.id, version: r.profile.version },
    respondent: { name: r.respondent.name },
    tendency: round(r.tendency, 1),
    label: r.label,
    confidence: r.confidence,
    dimensions: r.dimensions.map((d) => ({
      id: d.id,
      tendency: round(d.tendency, 1),
      label: d.label,
      answered: d.answered,
    })),
    rater: r.rater,
    answered: r.answered,
    items: r.items,
    consistency: c === null ? null : round(c.value, 1),
    repeats: c === null ? null : { asked: c.repeated, compared: c.compared, same: c.same, needed: c.needed },
    inconclusive: !isConclusive(r),
    reason: reasonSentence(r) ?? null,
    reasons: r.reasons.map((reason) => reason.code),
    styles: r.styles.map((s) => ({
      id: s.id,
      left: s.left,
      right: s.right,
      score: round(s.score, 1),
      leans: s.leans,
      answered: s.answered,
    })),
    caution: CAVEAT,
  };
}

export function renderProfileJson(r: ProfileResult): string {
  return safeJson(profileJson(r));
}

export function renderTeamJson(team: TeamResult): string {
  const capacity = team.capacity && {
    pm: round(team.capacity.pm, 2),
    pmm: round(team.capacity.pmm, 2),
    byOwner: Object.fromEntries(
      Object.entries(team.capacity.byOwner).map(([owner, value]) => [owner, round(value, 2)]),
    ),
  };
  return safeJson({
    schemaVersion: 2,
    members: team.members.map(profileJson),
    balance: round(team.balance, 1),
    label: team.label,
    capacity: capacity ?? null,
    hire: team.hire,
    sentence: team.sentence,
    counted: team.counted,
    leftOut: team.leftOut,
    caution: CAVEAT,
  });
}
