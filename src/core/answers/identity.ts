import type { Respondent } from './respondent.js';

// Who a respondent is (docs/design.md "Collecting answers"): the one place that decides when two
// files or export rows are the same person. Every command that collects respondents asks here.

/** Apostrophes and single quotes a keyboard, a phone or a word processor may put in a name. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u0060\u00b4\uff07]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u02ba\uff02]/g;

/**
 * A name or an organization as it is compared: Unicode NFKC, curly and straight quotes alike,
 * spaces collapsed, case folded (upper then lower, so that "ß" and "SS" meet, as a full case fold does).
 */
export function normalizedName(text: string): string {
  const quotes = text.normalize('NFKC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  return quotes.trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();
}

/**
 * The key two answers of the same person share: the e-mail when there is one (case folded), else
 * the normalized name; undefined for an anonymous respondent, who is nobody else.
 */
export function identityOf(respondent: Pick<Respondent, 'name' | 'email'>): string | undefined {
  const email = respondent.email?.normalize('NFKC').trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = respondent.name === undefined ? '' : normalizedName(respondent.name);
  return name === '' ? undefined : `name:${name}`;
}

/** How a respondent is named in a message: the name as written, else the e-mail. */
export function whoText(respondent: Pick<Respondent, 'name' | 'email'>): string | undefined {
  return respondent.name?.trim() || respondent.email?.trim() || undefined;
}

/**
 * Each respondent's identity among the others collected with it: a name given without an e-mail is the
 * person of that name who gave one, when exactly one did (a form row with the e-mail, a questionnaire
 * file without). Where several people of that name gave e-mails, the name alone is none of them:
 * `shared` lists it with their e-mails. `scope`: what must match besides (the organization, in an
 * export of several).
 */
export function identitiesAmong<R extends Pick<Respondent, 'name' | 'email'>>(
  respondents: readonly R[],
  scope: (respondent: R) => string,
): { identity: Map<R, string | undefined>; shared: { respondent: R; emails: string[] }[] } {
  const identity = new Map<R, string | undefined>();
  const emailsOfName = new Map<string, Set<string>>();
  for (const r of respondents) {
    const own = identityOf(r);
    // An anonymous respondent has none: a million anonymous rows need no entry each.
    if (own !== undefined) identity.set(r, own);
    const name = normalizedName(r.name ?? '');
    if (!own?.startsWith('email:') || name === '') continue;
    const key = `${scope(r)}/${name}`;
    const emails = emailsOfName.get(key);
    if (emails) emails.add(own);
    else emailsOfName.set(key, new Set([own]));
  }
  const shared: { respondent: R; emails: string[] }[] = [];
  for (const r of respondents) {
    const own = identity.get(r);
    if (!own?.startsWith('name:')) continue;
    const emails = emailsOfName.get(`${scope(r)}/${own.slice('name:'.length)}`);
    if (emails === undefined) continue;
    if (emails.size === 1) identity.set(r, [...emails][0]);
    else shared.push({ respondent: r, emails: [...emails].map((e) => e.slice('email:'.length)).sort() });
  }
  return { identity, shared };
}
