import type { Respondent } from './respondent.js';

// Who a respondent is (docs/design.md "Collecting answers"): the one place that decides when two
// files or export rows are the same person. Every command that collects respondents asks here.

/** An e-mail address, loosely: anything else in an e-mail field (`n/a`, `-`, Microsoft's `anonymous`) is no e-mail. */
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Apostrophes and single quotes a keyboard, a phone or a word processor may put in a name. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u0060\u00b4\uff07]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u02ba\uff02]/g;

/** Characters that show nothing (a zero-width space, a soft hyphen): pasted with a name, they make no other person. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A name or an organization as it is compared: Unicode NFKC, curly and straight quotes alike, invisible
 * characters left out, spaces collapsed, case folded (upper then lower, so that "ß" and "SS" meet, as a full
 * case fold does).
 */
export function normalizedName(text: string): string {
  const quotes = text.normalize('NFKC').replace(INVISIBLE, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
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
): { identities: (string | undefined)[]; shared: { respondent: R; emails: string[] }[] } {
  // In the respondents' order: a list, not a map, as an export may hold a million rows.
  const identities = respondents.map(identityOf);
  const emailsOfName = new Map<string, Set<string>>();
  respondents.forEach((r, i) => {
    const own = identities[i];
    const name = normalizedName(r.name ?? '');
    if (!own?.startsWith('email:') || name === '') return;
    const key = `${scope(r)}/${name}`;
    const emails = emailsOfName.get(key);
    if (emails) emails.add(own);
    else emailsOfName.set(key, new Set([own]));
  });
  const shared: { respondent: R; emails: string[] }[] = [];
  respondents.forEach((r, i) => {
    const own = identities[i];
    if (!own?.startsWith('name:')) return;
    const emails = emailsOfName.get(`${scope(r)}/${own.slice('name:'.length)}`);
    if (emails === undefined) return;
    if (emails.size === 1) identities[i] = [...emails][0];
    else shared.push({ respondent: r, emails: [...emails].map((e) => e.slice('email:'.length)).sort() });
  });
  return { identities, shared };
}
