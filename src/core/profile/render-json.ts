import { safeJson } from '../render/report-json.js';
import { round } from '../score/math.js';
import type { ProfileResult } from './score.js';
import type { TeamResult } from './team.js';

// The profile's JSON, a public contract (DESIGN.md "The profile"): exactly these keys, the tendency
// to one decimal; confidence is answered / items exactly, as the contract gives no rounding for it.

export function profileJson(r: ProfileResult) {
  return {
    schemaVersion: 1,
    profile: { id: r.profile.id, version: r.profile.version },
    respondent: { name: r.respondent.name },
    tendency: round(r.tendency, 1),
    label: r.label,
    confidence: r.confidence,
    dimensions: r.dimensions.map((d) => ({ id: d.id, tendency: round(d.tendency, 1), label: d.label, answered: d.answered })),
  };
}

export function renderProfileJson(r: ProfileResult): string {
  return safeJson(profileJson(r));
}

export function renderTeamJson(team: TeamResult): string {
  const capacity = team.capacity && {
    pm: round(team.capacity.pm, 2),
    pmm: round(team.capacity.pmm, 2),
    byOwner: Object.fromEntries(Object.entries(team.capacity.byOwner).map(([owner, value]) => [owner, round(value, 2)])),
  };
  return safeJson({
    schemaVersion: 1,
    members: team.members.map(profileJson),
    balance: round(team.balance, 1),
    label: team.label,
    capacity: capacity ?? null,
    hire: team.hire,
    sentence: team.sentence,
  });
}
