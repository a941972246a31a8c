import type { Problem } from '../errors.js';
import type { Answer, Respondent } from './respondent.js';
import { safeLine } from '../text.js';

// The respondents of one report must be one team, each person counted once. Files collected from
// folders and exports are easily mixed up (three companies' examples in one folder, a file sent
// twice, a resubmitted form), and a report that silently merged them would mislead.

export interface TeamOptions {
  /** `--organization NAME`: keep only this organization's respondents. */
  organization?: string;
  /** `--latest`: keep each person's most recent answers. */
  latest?: boolean;
}

/** Where a respondent came from, and when: files by their modification time, export rows by order. */
export interface Dated {
  respondent: Respondent;
  /** Milliseconds since the epoch, or the row number of an export: larger is more recent. */
  recency: number;
}

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function answerText(answer: Answer): string {
  return answer === 'n/a' ? 'n/a' : JSON.stringify(Object.entries(answer).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Two respondents who gave exactly the same answers under the same name: the same file given twice. */
function fingerprint(r: Respondent): string {
  const answers = [...r.answers].map(([id, a]) => `${id}=${answerText(a)}`).sort();
  return JSON.stringify([r.name ?? '', r.role ?? '', r.organization ?? '', answers]);
}

const listed = (sources: string[], max = 5) => (sources.length <= max ? sources.join(', ') : `${sources.slice(0, max).join(', ')} and ${sources.length - max} more`);

/** The team the report is about, and what was set aside or is wrong, as problems. */
export function selectTeam(collected: Dated[], options: TeamOptions = {}): { respondents: Respondent[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let kept = collected;

  const organizations = new Map<string, { name: string; sources: string[] }>();
  for (const { respondent: r } of kept) {
    if (!r.organization) continue;
    const entry = organizations.get(key(r.organization)) ?? { name: r.organization, sources: [] };
    entry.sources.push(r.source);
    organizations.set(key(r.organization), entry);
  }
  if (options.organization !== undefined) {
    const wanted = key(options.organization);
    if (!organizations.has(wanted)) {
      const known = [...organizations.values()].map((o) => `"${safeLine(o.name)}"`).join(', ');
      problems.push({ source: '--organization', message: `no respondent is from "${safeLine(options.organization)}"`, expected: known ? `one of ${known}` : 'answers files that name their organization', severity: 'error' });
    }
    kept = kept.filter(({ respondent: r }) => !r.organization || key(r.organization) === wanted);
  } else if (organizations.size > 1) {
    for (const { name, sources } of organizations.values()) {
      problems.push({ source: safeLine(sources[0]!), message: `"${safeLine(name)}": ${listed(sources.map(safeLine))}`, expected: 'the answers of one organization per report (pick one with --organization NAME)', severity: 'error' });
    }
  }

  const seen = new Map<string, string>();
  kept = kept.filter(({ respondent: r }) => {
    const print = fingerprint(r);
    const first = seen.get(print);
    if (first === undefined) {
      seen.set(print, r.source);
      return true;
    }
    problems.push({ source: safeLine(r.source), message: `the same answers as ${safeLine(first)}: counted once`, severity: 'warning' });
    return false;
  });

  const byName = new Map<string, Dated[]>();
  for (const entry of kept) {
    if (!entry.respondent.name) continue;
    const name = key(entry.respondent.name);
    const entries = byName.get(name);
    if (entries) entries.push(entry);
    else byName.set(name, [entry]);
  }
  const setAside = new Set<Dated>();
  for (const entries of byName.values()) {
    if (entries.length < 2) continue;
    const sources = entries.map((e) => safeLine(e.respondent.source));
    if (!options.latest) {
      problems.push({ source: sources[0]!, message: `"${safeLine(entries[0]!.respondent.name!)}" answered in ${entries.length} files: ${listed(sources)}`, expected: 'one set of answers per person (keep each person\'s most recent with --latest)', severity: 'error' });
      continue;
    }
    const latest = entries.reduce((a, b) => (b.recency >= a.recency ? b : a));
    for (const e of entries) {
      if (e !== latest) problems.push({ source: safeLine(e.respondent.source), message: `set aside for the more recent answers of "${safeLine(e.respondent.name!)}" in ${safeLine(latest.respondent.source)} (--latest)`, severity: 'warning' });
    }
    for (const e of entries) if (e !== latest) setAside.add(e);
  }
  return { respondents: kept.filter((e) => !setAside.has(e)).map((e) => e.respondent), problems };
}
