import type { Diagnosis, StageSource } from '../score/model.js';
import { fmtMean, fmtSigned } from './layout.js';

// What the terminal and markdown reports say about the model's newer facts: the stage and form
// the report is for, the two sides of each handoff, and capability claims without evidence.

const STAGE_SOURCE: Record<StageSource, string> = {
  option: 'chosen with --stage',
  answers: 'as the answers name it',
  revenue: 'suggested by the revenue the respondents gave (--stage chooses another)',
  default: 'the question bank’s default (no answers file names one; --stage chooses another)',
};

/** The header lines about scope; the out-of-scope count is named here and nowhere else. */
export function scopeHeader(d: Diagnosis): [string, string][] {
  const lines: [string, string][] = [];
  if (d.stage !== null) {
    const name = d.stageTitle === d.stage || d.stageTitle === null ? d.stage : `${d.stageTitle} (${d.stage})`;
    lines.push(['Stage', d.stageSource === undefined ? name : `${name}, ${STAGE_SOURCE[d.stageSource]}`]);
  }
  const mixed = d.forms.rapid > 0 && d.forms.full > 0;
  const forms = `${d.form} (${d.forms.rapid} answered the rapid form, ${d.forms.full} the full)`;
  lines.push(['Form', mixed ? forms : d.form]);
  if (d.outOfScope > 0)
    lines.push(['Out of scope', `${d.outOfScope} item${d.outOfScope === 1 ? '' : 's'}, in no score`]);
  return lines;
}

export const itemTitle = (d: Diagnosis, id: string): string => d.items.find((i) => i.id === id)?.title ?? id;

export const HANDOFF_INTRO =
  'Delivery of each handoff as the giving function rates it, against the receiving function; listed when they differ by a level or more.';
export const HANDOFF_NONE =
  'None: no handoff is rated a level or more apart by the function that gives it and the one that receives it (or one side did not rate it).';

/** One row per handoff seen differently: title, direction, giver, receiver, difference. */
export function handoffRows(d: Diagnosis): [string, string, string, string, string][] {
  return d.handoffPerception.map((h) => [
    itemTitle(d, h.id),
    `${d.functionNames[h.from]} → ${d.functionNames[h.to]}`,
    fmtMean(h.giver),
    fmtMean(h.receiver),
    fmtSigned(h.difference, fmtMean),
  ]);
}

export const EVIDENCE_INTRO =
  'Capability rated 3 or more without evidence text: the claim may be right, but nothing shows it yet. Scores are not changed.';
export const EVIDENCE_NONE = 'None: every capability of 3 or more came with evidence.';

/** One row per responsibility with claims without evidence: title, "2 of 3", who. */
export function evidenceRows(d: Diagnosis): [string, string, string][] {
  return d.unevidenced.map((u) => {
    const more = u.unevidenced - u.respondents.length;
    return [
      itemTitle(d, u.id),
      `${u.unevidenced} of ${u.claims}`,
      `${u.respondents.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    ];
  });
}
