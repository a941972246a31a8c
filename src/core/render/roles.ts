import {
  CONTRIBUTORS,
  NAMED_FUNCTIONS,
  RECOMMENDED_OWNERS,
  type Bank,
  type NamedFunction,
  type Party as HandoffParty,
  type RecommendedOwner,
  type Responsibility,
} from '../bank/schema.js';
import { functionName } from '../bank/items.js';
import { makeColors } from './colors.js';
import { WIDTH, padEnd, truncate, wrap, wrapParts } from './layout.js';
import { mdCell, mdTable, mdText } from './markdown-escape.js';

// The role map: "understand the roles", the first promise. Readable enough to project in a meeting.

export const OWNER_LABEL: Record<RecommendedOwner, string> = {
  pm: 'PM',
  pmm: 'PMM',
  shared: 'Shared',
  leadership: 'Leadership',
  marketing: 'Marketing',
  cs: 'Customer success',
  sales: 'Sales',
};
/** The RACI table's column heads: short enough for an 80-column terminal. */
const PARTY_LABEL: Record<Party, string> = {
  pm: 'PM',
  pmm: 'PMM',
  leadership: 'LEAD',
  sales: 'SALES',
  marketing: 'MKTG',
  cs: 'CS',
  engineering: 'ENG',
  other: 'OTHER',
};
const weightMarks = (weight: number) => '●'.repeat(weight) + '○'.repeat(3 - weight);

type Party = (typeof CONTRIBUTORS)[number];
type Raci = 'A' | 'C';

/** Who is accountable (A: both PM and PMM for a shared item) and who contributes (C), by the bank's default owner. */
function raciOf(item: Responsibility): Map<Party, Raci> {
  const cells = new Map<Party, Raci>();
  for (const party of item.owner === 'shared' ? (['pm', 'pmm'] as const) : [item.owner]) cells.set(party, 'A');
  for (const party of item.contributors ?? []) if (!cells.has(party)) cells.set(party, 'C');
  return cells;
}

/** The table's columns, accountable owners first. */
const PARTY_ORDER: readonly Party[] = [
  'pm',
  'pmm',
  'leadership',
  ...CONTRIBUTORS.filter((p) => p !== 'pm' && p !== 'pmm' && p !== 'leadership'),
];

/** PM and PMM, then every other party the bank names. */
function partiesOf(bank: Bank): Party[] {
  const named = new Set<Party>(['pm', 'pmm']);
  for (const area of bank.areas)
    for (const item of area.responsibilities) for (const party of raciOf(item).keys()) named.add(party);
  return PARTY_ORDER.filter((party) => named.has(party));
}

export function ownerCounts(bank: Bank): Record<RecommendedOwner, number> {
  const counts = Object.fromEntries(RECOMMENDED_OWNERS.map((owner) => [owner, 0])) as Record<RecommendedOwner, number>;
  for (const area of bank.areas) for (const item of area.responsibilities) counts[item.owner]++;
  return counts;
}

export const countsText = (bank: Bank): string => {
  const counts = ownerCounts(bank);
  // PM, PMM and shared always; the other accountable owners when the bank gives them something.
  return RECOMMENDED_OWNERS.filter((owner) => ['pm', 'pmm', 'shared'].includes(owner) || counts[owner] > 0)
    .map((owner) => `${OWNER_LABEL[owner]} ${counts[owner]}`)
    .join(' · ');
};

export function owes(bank: Bank, from: HandoffParty, to: HandoffParty): string {
  return `${functionName(bank, from)} owes ${functionName(bank, to)}`;
}

/** Every (from, to) pair of the bank's hand-offs, in bank order. */
export function directionsOf(bank: Bank): [HandoffParty, HandoffParty][] {
  const pairs = new Map<string, [HandoffParty, HandoffParty]>();
  for (const item of bank.interlock) pairs.set(`${item.from}>${item.to}`, [item.from, item.to]);
  return [...pairs.values()];
}

/** The functions the bank describes by name and mandate, PM and PMM first. */
export const describedFunctions = (bank: Bank): NamedFunction[] =>
  NAMED_FUNCTIONS.filter((f) => bank.functions[f] !== undefined);

/** A function's mandate, where the bank gives one. */
export const mandateOf = (bank: Bank, f: NamedFunction): string => bank.functions[f]?.mandate ?? '';

export function renderRolesTerminal(bank: Bank, color: boolean): string {
  const c = makeColors(color);
  const ownerColor: Record<'pm' | 'pmm', (s: string) => string> = { pm: c.cyan, pmm: c.magenta };
  const out: string[] = [];
  out.push(...wrap(bank.title, WIDTH).map((l) => c.bold(l)), '');
  for (const f of describedFunctions(bank)) {
    const name = padEnd(PARTY_LABEL[f], 6);
    out.push(
      ...wrap(mandateOf(bank, f), WIDTH, '       ', `${f === 'pm' || f === 'pmm' ? ownerColor[f](name) : name} `),
    );
  }
  const parties = partiesOf(bank);
  const column = Math.max(...parties.map((p) => PARTY_LABEL[p].length)) + 1;
  const lead = 2 + parties.length * column;
  out.push(
    '',
    ...wrapParts(countsText(bank).split(' · '), WIDTH, '             ', 'Accountable: ').map((l) => c.dim(l)),
    c.dim('A accountable · C contributes · Weight: ●●● critical, ●○○ lighter'),
  );
  for (const area of bank.areas) {
    out.push('', c.bold(truncate(area.title.toUpperCase(), WIDTH)));
    if (area.description) out.push(...wrap(area.description, WIDTH, '  ').map((l) => c.dim(l)));
    if (area.responsibilities.length > 0)
      out.push(c.dim(`  ${parties.map((p) => padEnd(PARTY_LABEL[p], column)).join('')}`.trimEnd()));
    for (const item of area.responsibilities) {
      const raci = raciOf(item);
      const cells = parties.map((p) => {
        const cell = padEnd(raci.get(p) ?? '·', column);
        return p === 'pm' || p === 'pmm'
          ? raci.has(p)
            ? ownerColor[p](cell)
            : c.dim(cell)
          : raci.has(p)
            ? cell
            : c.dim(cell);
      });
      out.push(...wrap(item.title, WIDTH, ' '.repeat(lead + 5), `  ${cells.join('')}${weightMarks(item.weight)}  `));
    }
    const practices = practicesText(area);
    if (practices) out.push(...wrap(practices, WIDTH, '    ', '  ').map((l) => c.dim(l)));
  }
  out.push('', c.bold('INTERLOCK: WHAT EACH FUNCTION OWES ANOTHER'));
  for (const [from, to] of directionsOf(bank)) {
    out.push('', `  ${c.underline(truncate(owes(bank, from, to), WIDTH - 2))}`);
    for (const item of bank.interlock.filter((i) => i.from === from && i.to === to)) {
      out.push(...wrap(item.title, WIDTH, '           ', `  ${weightMarks(item.weight)}  • `));
    }
  }
  out.push('', c.dim('Assess how your organization performs on each: pm-diag assess'));
  return out.join('\n') + '\n';
}

/** "Practices (nobody owns them): Bad news travels early, …", or nothing for an area without practices (bank v3). */
export function practicesText(area: Bank['areas'][number]): string | undefined {
  const practices = area.practices ?? [];
  return practices.length === 0 ? undefined : `${PRACTICES_LABEL}: ${practices.map((p) => p.title).join(', ')}`;
}
const PRACTICES_LABEL = 'Practices (behaviours nobody owns, rated on how often they hold)';

export function renderRolesMarkdown(bank: Bank): string {
  const out: string[] = [`# ${mdText(bank.title)}: the role map`, ''];
  out.push(
    mdTable(
      ['Function', 'Mandate'],
      describedFunctions(bank).map((f) => [mdCell(functionName(bank, f)), mdCell(mandateOf(bank, f))]),
    ),
    '',
  );
  const parties = partiesOf(bank);
  out.push(
    `Accountable: ${countsText(bank).replace(/ \u00b7 /g, ', ')}. A = accountable, C = contributes. Weight: 3 = critical, 1 = lighter.`,
    '',
  );
  for (const area of bank.areas) {
    out.push(`## ${mdText(area.title)}`, '');
    if (area.description) out.push(mdText(area.description), '');
    // A bank v3 area may hold practices only: no table of owners then.
    if (area.responsibilities.length > 0)
      out.push(
        mdTable(
          ['Responsibility', ...parties.map((p) => PARTY_LABEL[p]), 'Weight', 'Question'],
          area.responsibilities.map((item) => {
            const raci = raciOf(item);
            return [
              mdCell(item.title),
              ...parties.map((p) => raci.get(p) ?? ''),
              String(item.weight),
              mdCell(item.question),
            ];
          }),
          ['left', ...parties.map(() => 'center' as const), 'right', 'left'],
        ),
        '',
      );
    const practices = practicesText(area);
    if (practices) out.push(mdText(practices), '');
  }
  out.push('## Interlock: what each function owes another', '');
  for (const [from, to] of directionsOf(bank)) {
    out.push(`### ${mdText(owes(bank, from, to))}`, '');
    out.push(
      mdTable(
        ['Deliverable', 'Weight', 'Question'],
        bank.interlock
          .filter((i) => i.from === from && i.to === to)
          .map((item) => [mdCell(item.title), String(item.weight), mdCell(item.question)]),
        ['left', 'right', 'left'],
      ),
      '',
    );
  }
  return out.join('\n');
}
