import type { Problem } from '../errors.js';
import type { Answer, Respondent } from './respondent.js';
import { safeLine } from '../text.js';
import { identitiesAmong, normalizedName, whoText } from './identity.js';

// The respondents of one report must be one team, each person counted once. Files collected from
// folders and exports are easily mixed up (three companies' examples in one folder, a file sent
// twice, a resubmitted form), and a report that silently merged them would mislead.

export interface TeamOptions {
  /** `--organization NAME`: keep only this organization's respondents. */
  organization?: string;
  /** `--latest`: keep each person's most recent answers. */
  latest?: boolean;
  /** `export`: several organizations in one run, each person counted once within their organization. */
  organizations?: 'one' | 'many';
}

/** The respondents read from one file, and the file's time: theirs, for `--latest`, where they give none. */
export interface Batch {
  respondents: Respondent[];
  /** Milliseconds since the epoch; undefined for standard input. */
  fileTime?: number;
}

/** What a time read from a file's metadata is called in the `--latest` warning. */
export const FILE_TIME = "the file's modification time";

/** A respondent and when its answers were given, for `--latest`. */
interface Dated {
  respondent: Respondent;
  /** Milliseconds since the epoch; undefined when nothing says (standard input without `answered-at`). */
  time?: number;
  /** What the time was read from, as the warning names it: answered-at, a form tool's column, the file. */
  timeSource?: string;
  /** The day-first reading of a date that could be either way round (`time` is then month first). */
  dayFirst?: number;
}

function answerText(answer: Answer): string {
  return answer === 'n/a'
    ? 'n/a'
    : JSON.stringify(Object.entries(answer).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The answers of a submission as one text: two submissions with the same text gave the same answers. */
function answersPrint(r: Respondent): string {
  return JSON.stringify([...r.answers].map(([id, a]) => `${id}=${answerText(a)}`).sort());
}

/** The identities of the respondents that share theirs or their response id with another (identity.ts, identitiesAmong). */
type Identities = Map<Respondent, string | undefined>;

/**
 * Whether two submissions with the same response id can be one: a form tool's id names a submission within
 * its form only (Microsoft Forms and LimeSurvey number each form's responses from 1), so two rows of people
 * named apart are two submissions whatever their ids. The questionnaire's id is random: the same in two
 * files is one submission, even when its name was corrected in between.
 */
function oneSubmission(a: Respondent, b: Respondent, identities: Identities): boolean {
  if (!a.responseWithinForm || !b.responseWithinForm) return true;
  const [one, other] = [identities.get(a), identities.get(b)];
  return one === undefined || other === undefined || one === other;
}

/**
 * Who gave a submission, as the keys a submission given twice shares with the first: the same person or
 * response id, in the same role and organization (their answers are compared apart, see dropDuplicates).
 */
function submitterKeys(r: Respondent, identities: Identities): { key: string; byResponse: boolean }[] {
  const organization = r.organization === undefined ? '' : normalizedName(r.organization);
  const print = (who: string) => JSON.stringify([who, r.role ?? '', organization]);
  // An anonymous respondent is nobody else: rows of an anonymous form that answer alike are people
  // who agree, not one submission twice (only a response id can say that).
  const who = identities.get(r);
  const byPerson = who === undefined ? [] : [{ key: print(who), byResponse: false }];
  // The response id first: when both match, it is what the warning names.
  if (r.response === undefined) return byPerson;
  return [{ key: print(`response:${r.response}`), byResponse: true }, ...byPerson];
}

/** A respondent who gave no answer and no fact: `pm-diag template`'s file, a questionnaire saved before any answer. */
const isBlank = (r: Respondent): boolean => r.answers.size === 0 && (r.facts === undefined || isEmpty(r.facts));
const isEmpty = (record: object): boolean => {
  for (const key in record) if (Object.hasOwn(record, key)) return false;
  return true;
};

const LISTED = 5;
const listed = (sources: string[], count = sources.length) =>
  count <= LISTED ? sources.join(', ') : `${sources.slice(0, LISTED).join(', ')} and ${count - LISTED} more`;

/** A time as the warnings show it: ISO 8601, to the second. */
const timeText = (time: number) => new Date(time).toISOString().replace(/\.000Z$/, 'Z');
function whenText(e: Dated): string {
  if (e.time === undefined) return e.timeSource === undefined ? 'no time known' : `no time: ${e.timeSource}`;
  const read =
    e.dayFirst === undefined || e.dayFirst === e.time
      ? timeText(e.time)
      : `${timeText(e.time)} month first, ${timeText(e.dayFirst)} day first`;
  return `${read}, by ${e.timeSource}`;
}

/** Entries that are one submission given twice are kept once, with a warning naming the first: the others, to drop. */
function duplicatesOf(entries: Respondent[], identities: Identities, problems: Problem[]): Set<Respondent> {
  // The respondents kept under each submitter key, in order. Answers are printed only to compare
  // them with those of the same submitter: most people answer once, and theirs are never printed.
  const kept = new Map<string, Respondent[]>();
  const prints = new Map<Respondent, string>();
  const printOf = (r: Respondent) => {
    let print = prints.get(r);
    if (print === undefined) prints.set(r, (print = answersPrint(r)));
    return print;
  };
  const dropped = new Set<Respondent>();
  for (const r of entries) {
    const keys = submitterKeys(r, identities);
    const sameAs = (earlier: Respondent) => printOf(earlier) === printOf(r) && oneSubmission(earlier, r, identities);
    const twice = keys.find(({ key }) => kept.get(key)?.some(sameAs));
    if (twice) {
      const first = kept.get(twice.key)!.find(sameAs)!;
      const what = twice.byResponse ? `the same response (${safeLine(r.response!)})` : 'the same answers';
      const message = `${what} as ${safeLine(first.source)}: counted once`;
      problems.push({ source: safeLine(r.source), message, severity: 'warning' });
      dropped.add(r);
      continue;
    }
    for (const { key } of keys) {
      const list = kept.get(key);
      if (list) list.push(r);
      else kept.set(key, [r]);
    }
  }
  return dropped;
}

/**
 * The entries that share their identity or response id with another, with their identities: only they
 * can be a submission given twice or a person who answered twice. Most people answer once.
 */
function sharingEntries(entries: readonly Respondent[], identities: readonly (string | undefined)[]): Identities {
  const seen = new Map<string, number>();
  const count = (key: string | undefined) => key !== undefined && seen.set(key, (seen.get(key) ?? 0) + 1);
  const responseKey = (r: Respondent) => (r.response === undefined ? undefined : `response:${r.response}`);
  entries.forEach((r, i) => {
    count(identities[i]);
    count(responseKey(r));
  });
  const shares = (key: string | undefined) => key !== undefined && seen.get(key)! > 1;
  const sharing: Identities = new Map();
  entries.forEach((r, i) => {
    if (shares(identities[i]) || shares(responseKey(r))) sharing.set(r, identities[i]);
  });
  return sharing;
}

/** The entries of each person (docs/design.md "Collecting answers"): by identity, and by response id. */
function byPerson(entries: readonly Respondent[], identities: Identities, perOrganization: boolean): Respondent[][] {
  const groups = new Map<string, Respondent[]>();
  // Each response id's group, and the entry it is compared with (a named one, once there is one).
  const responseGroup = new Map<string, { key: string; entry: Respondent }>();
  for (const entry of entries) {
    const { organization } = entry;
    const identity = identities.get(entry);
    const within = perOrganization ? `${normalizedName(organization ?? '')}/` : '';
    const person = identity === undefined ? undefined : `${within}${identity}`;
    const response = entry.response === undefined ? undefined : `${within}response:${entry.response}`;
    const linked = response === undefined ? undefined : responseGroup.get(response);
    const joins = linked !== undefined && oneSubmission(linked.entry, entry, identities);
    const key = joins ? linked.key : (person ?? response);
    if (key === undefined) continue;
    if (response !== undefined && (linked === undefined || (joins && identities.get(linked.entry) === undefined)))
      responseGroup.set(response, { key, entry });
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}

/** The entries answered last, by `at`. */
function lastOf(entries: Dated[], at: (e: Dated) => number): Dated[] {
  const last = Math.max(...entries.map(at));
  return entries.filter((e) => at(e) === last);
}

/**
 * `--latest`: the entry answered last, or a problem when the times cannot tell. A date that could be day/month
 * or month/day counts only when both readings keep the same entry.
 */
function keepLatest(entries: Dated[], who: string, problems: Problem[]): Dated | undefined {
  const sources = entries.map((e) => safeLine(e.respondent.source));
  const refuse = (why: string, expected: string) => {
    problems.push({
      source: sources[0]!,
      message: `"${who}" answered ${entries.length} times (${listed(sources)}) and --latest cannot tell which is the latest: ${why}`,
      expected,
      severity: 'error',
    });
    return undefined;
  };
  const timed = entries.filter((e) => e.time !== undefined);
  const latest = lastOf(timed, (e) => e.time!);
  if (timed.length < entries.length || latest.length > 1) {
    const untold = timed.length < entries.length ? entries.filter((e) => e.time === undefined) : latest;
    return refuse(
      untold.map((e) => `${safeLine(e.respondent.source)} (${whenText(e)})`).join(' and '),
      'an answered-at in each file, a timestamp column in the export, or only the answers to count',
    );
  }
  const dayFirst = lastOf(timed, (e) => e.dayFirst ?? e.time!);
  if (dayFirst.length > 1 || dayFirst[0] !== latest[0]) {
    const read = timed.find((e) => e.dayFirst !== undefined)!;
    return refuse(
      `read month first, ${safeLine(latest[0]!.respondent.source)} is; ` +
        `read day first, ${dayFirst.map((e) => safeLine(e.respondent.source)).join(' and ')} ${dayFirst.length > 1 ? 'are' : 'is'} ` +
        `(by ${read.timeSource}: no date in it has a day over 12)`,
      'dates that say their order: download the export again as XLSX, or from a sheet whose locale writes ' +
        'YYYY-MM-DD, or leave out the answer that is not the latest',
    );
  }
  const kept = latest[0]!;
  for (const e of entries) {
    if (e === kept) continue;
    problems.push({
      source: safeLine(e.respondent.source),
      message:
        `set aside (--latest): "${who}" answered again later; ` +
        `kept the latest, ${safeLine(kept.respondent.source)} (${whenText(kept)}), ` +
        `over this one (${whenText(e)})`,
      severity: 'warning',
    });
  }
  return kept;
}

/** The team the report is about, and what was set aside or is wrong, as problems. */
export function selectTeam(
  batches: readonly Batch[],
  options: TeamOptions = {},
): { respondents: Respondent[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let kept: Respondent[] =
    batches.length === 1 ? batches[0]!.respondents : batches.flatMap((batch) => batch.respondents);

  // Beside those who answered, one who answered nothing is nobody: counted, a blank file would lower
  // every coverage, add a form nobody answered, or name an organization of its own.
  const blank = kept.filter(isBlank);
  if (blank.length > 0 && blank.length < kept.length) {
    const sources = blank.slice(0, LISTED).map((r) => safeLine(r.source));
    problems.push({
      source: sources[0]!,
      message:
        blank.length === 1
          ? 'set aside: nothing answered (a blank answers file or form row)'
          : `set aside: nothing answered in ${listed(sources, blank.length)} (blank answers files or form rows)`,
      severity: 'warning',
    });
    kept = kept.filter((r) => !isBlank(r));
  }

  // Each organization's first few sources, as the problem lists them, and how many there are.
  const organizations = new Map<string, { name: string; sources: string[]; count: number }>();
  for (const r of kept) {
    if (!r.organization) continue;
    const key = normalizedName(r.organization);
    let entry = organizations.get(key);
    if (!entry) organizations.set(key, (entry = { name: r.organization, sources: [], count: 0 }));
    if (entry.count++ < LISTED) entry.sources.push(r.source);
  }
  if (options.organization !== undefined) {
    const wanted = normalizedName(options.organization);
    if (!organizations.has(wanted)) {
      const known = [...organizations.values()].map((o) => `"${safeLine(o.name)}"`).join(', ');
      problems.push({
        source: '--organization',
        message: `no respondent is from "${safeLine(options.organization)}"`,
        expected: known ? `one of ${known}` : 'answers files that name their organization',
        severity: 'error',
      });
    }
    kept = kept.filter((r) => !r.organization || normalizedName(r.organization) === wanted);
    const chosen = organizations.get(wanted)?.name;
    // Those of the other organizations are named, a misspelt one among them: none leaves unsaid.
    for (const [key, { name, sources, count }] of organizations) {
      if (key === wanted || chosen === undefined) continue;
      problems.push({
        source: safeLine(sources[0]!),
        message: `left out (--organization "${safeLine(chosen)}"): "${safeLine(name)}": ${listed(sources.map(safeLine), count)}`,
        severity: 'warning',
      });
    }
    // Among several organizations, whose are those who name none is not known: counted, but said.
    const unnamed = organizations.size > 1 ? kept.filter((r) => !r.organization) : [];
    if (chosen !== undefined && unnamed.length > 0) {
      const who = unnamed.length === 1 ? '1 respondent names' : `${unnamed.length} respondents name`;
      problems.push({
        source: safeLine(unnamed[0]!.source),
        message:
          `${who} no organization (${listed(
            unnamed.slice(0, LISTED).map((r) => safeLine(r.source)),
            unnamed.length,
          )}), while the answers name ` +
          `${organizations.size}: counted with "${safeLine(chosen)}" (--organization keeps those who name none)`,
        severity: 'warning',
      });
    }
  } else if (organizations.size > 1 && options.organizations !== 'many') {
    for (const { name, sources, count } of organizations.values()) {
      problems.push({
        source: safeLine(sources[0]!),
        message: `"${safeLine(name)}": ${listed(sources.map(safeLine), count)}`,
        expected: 'the answers of one organization per report (pick one with --organization NAME)',
        severity: 'error',
      });
    }
  }

  const perOrganization = options.organizations === 'many';
  const { identities, shared } = identitiesAmong(kept, (r) =>
    perOrganization ? normalizedName(r.organization ?? '') : '',
  );
  for (const { respondent: r, emails } of shared) {
    problems.push({
      source: safeLine(r.source),
      message: `"${safeLine(whoText(r) ?? '')}" gives no e-mail, and ${emails.length} people of that name do (${listed(emails.map(safeLine))}): counted as another person`,
      severity: 'warning',
    });
  }
  const sharingIdentities = sharingEntries(kept, identities);
  const sharing = [...sharingIdentities.keys()];
  const dropped = duplicatesOf(sharing, sharingIdentities, problems);
  // Most collections hold no submission twice: then they are kept as they are, not copied.
  const unique = dropped.size === 0 ? kept : kept.filter((r) => !dropped.has(r));
  const people = byPerson(
    sharing.filter((r) => !dropped.has(r)),
    sharingIdentities,
    perOrganization,
  ).filter((entries) => entries.length > 1);
  const dated = datedOf(batches, people);
  const setAside = new Set<Respondent>();
  const unsaid = new UnsaidProblems();
  people.forEach((entries, index) => {
    const said = index < MAX_PEOPLE_SAID ? problems : [];
    const first = entries[0]!;
    const who = safeLine(whoText(first) ?? `response ${first.response ?? ''}`);
    if (!options.latest) {
      const sources = entries.map((e) => safeLine(e.source));
      // Known by the name alone, they may be two people of one name.
      const byName = sharingIdentities.get(first)?.startsWith('name:') ?? false;
      const apart = byName ? '; two people of one name are told apart by an e-mail in each file' : '';
      said.push({
        source: sources[0]!,
        message: `"${who}" answered ${entries.length} times with different answers: ${listed(sources)}`,
        expected: `one set of answers per person (--latest keeps each one's latest, by answered-at or time${apart})`,
        severity: 'error',
      });
    } else {
      const latest = keepLatest(
        entries.map((e) => dated.get(e)!),
        who,
        said,
      );
      for (const e of entries) if (e !== latest?.respondent) setAside.add(e);
    }
    if (said !== problems) unsaid.count(said);
  });
  problems.push(...unsaid.summary());
  return { respondents: setAside.size === 0 ? unique : unique.filter((e) => !setAside.has(e)), problems };
}

/** The most people who answered more than once whose problems are said one by one: past them, counted. */
const MAX_PEOPLE_SAID = 1000;

/**
 * The problems of the people past the first thousand, counted: a hundred thousand people who answered
 * twice would hold a hundred thousand messages, more memory than their answers.
 */
class UnsaidProblems {
  private error: Problem | undefined;
  private errors = 0;
  private warning: Problem | undefined;
  private warnings = 0;

  count(problems: readonly Problem[]): void {
    for (const p of problems) {
      if (p.severity === 'error') {
        this.error ??= p;
        this.errors++;
      } else {
        this.warning ??= p;
        this.warnings++;
      }
    }
  }

  summary(): Problem[] {
    const { error, warning } = this;
    const summary: Problem[] = [];
    if (error) {
      const message = `and ${this.errors} more people who answered more than once`;
      summary.push({ ...error, message, severity: 'error' });
    }
    if (warning) {
      const message = `and ${this.warnings} more answers set aside (--latest), each person's latest kept`;
      summary.push({ source: warning.source, message, severity: 'warning' });
    }
    return summary;
  }
}

/**
 * When each of these people's respondents answered: its own time (`answered-at`, a form tool's
 * timestamp), else its file's. Only the people who answered more than once need one.
 */
function datedOf(batches: readonly Batch[], people: readonly Respondent[][]): Map<Respondent, Dated> {
  const dated = new Map<Respondent, Dated>();
  if (people.length === 0) return dated;
  const wanted = new Set(people.flat());
  for (const { respondents, fileTime } of batches) {
    for (const respondent of respondents) {
      if (!wanted.has(respondent)) continue;
      dated.set(respondent, datedOne(respondent, fileTime));
    }
  }
  return dated;
}

/**
 * When a respondent answered: its own time (`answered-at`, a form tool's timestamp), else its file's. A row
 * whose timestamp cannot be read has no time: the file's would put it before or after the others at random.
 */
function datedOne(respondent: Respondent, fileTime: number | undefined): Dated {
  const own = respondent.answeredAt;
  const time = own?.time === undefined ? NaN : Date.parse(own.time);
  if (!Number.isNaN(time)) {
    const dayFirst = own!.dayFirst === undefined ? undefined : Date.parse(own!.dayFirst);
    return { respondent, time, timeSource: own!.source, ...(dayFirst !== undefined && { dayFirst }) };
  }
  if (own !== undefined && own.time === undefined) return { respondent, timeSource: own.source };
  return fileTime === undefined ? { respondent } : { respondent, time: fileTime, timeSource: FILE_TIME };
}
