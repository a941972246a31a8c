import type { Bank, FunctionId, RecommendedOwner } from '../bank/schema.js';
import { makeColors } from './colors.js';
import { WIDTH, padEnd, truncate, wrap } from './layout.js';
import { mdCell, mdTable, mdText } from './markdown-escape.js';

// The role map: "understand the roles", the first promise. Readable enough to project in a meeting.

export const OWNER_LABEL: Record<RecommendedOwner, string> = { pm: 'PM', pmm: 'PMM', shared: 'Shared' };
const weightMarks = (weight: number) => '●'.repeat(weight) + '○'.repeat(3 - weight);

export function ownerCounts(bank: Bank): Record<RecommendedOwner, number> {
  const counts: Record<RecommendedOwner, number> = { pm: 0, pmm: 0, shared: 0 };
  for (const area of bank.areas) for (const item of area.responsibilities) counts[item.owner]++;
  return counts;
}

export function owes(bank: Bank, from: FunctionId, to: FunctionId): string {
  return `${bank.functions[from].name} owes ${bank.functions[to].name}`;
}

export const DIRECTIONS: [FunctionId, FunctionId][] = [
  ['pmm', 'pm'],
  ['pm', 'pmm'],
];

export function renderRolesTerminal(bank: Bank, color: boolean): string {
  const c = makeColors(color);
  const ownerColor: Record<RecommendedOwner, (s: string) => string> = { pm: c.cyan, pmm: c.magenta, shared: c.yellow };
  const out: string[] = [];
  out.push(...wrap(bank.title, WIDTH).map((l) => c.bold(l)), '');
  for (const f of ['pm', 'pmm'] as const) {
    out.push(...wrap(`${bank.functions[f].mandate}`, WIDTH, '       ', `${ownerColor[f](padEnd(OWNER_LABEL[f], 6))} `));
  }
  const counts = ownerCounts(bank);
  out.push('', c.dim(`Owners: PM ${counts.pm} · PMM ${counts.pmm} · Shared ${counts.shared}    Weight: ●●● critical, ●○○ lighter`));
  for (const area of bank.areas) {
    out.push('', c.bold(truncate(area.title.toUpperCase(), WIDTH)));
    if (area.description) out.push(...wrap(area.description, WIDTH, '  ').map((l) => c.dim(l)));
    for (const item of area.responsibilities) {
      const label = ownerColor[item.owner](padEnd(OWNER_LABEL[item.owner], 7));
      out.push(`  ${label}${weightMarks(item.weight)}  ${padEnd(item.title, WIDTH - 14)}`.trimEnd());
    }
  }
  out.push('', c.bold('INTERLOCK: WHAT EACH FUNCTION OWES THE OTHER'));
  for (const [from, to] of DIRECTIONS) {
    out.push('', `  ${c.underline(truncate(owes(bank, from, to), WIDTH - 2))}`);
    for (const item of bank.interlock.filter((i) => i.from === from && i.to === to)) {
      out.push(...wrap(item.title, WIDTH, '           ', `  ${weightMarks(item.weight)}  • `));
    }
  }
  out.push('', c.dim('Assess how your organization performs on each: pm-diag assess'));
  return out.join('\n') + '\n';
}

export function renderRolesMarkdown(bank: Bank): string {
  const out: string[] = [`# ${mdText(bank.title)}: the role map`, ''];
  out.push(mdTable(['Function', 'Mandate'], (['pm', 'pmm'] as const).map((f) => [mdCell(bank.functions[f].name), mdCell(bank.functions[f].mandate)])), '');
  const counts = ownerCounts(bank);
  out.push(`Recommended owners: PM ${counts.pm}, PMM ${counts.pmm}, shared ${counts.shared}. Weight: 3 = critical, 1 = lighter.`, '');
  for (const area of bank.areas) {
    out.push(`## ${mdText(area.title)}`, '');
    if (area.description) out.push(mdText(area.description), '');
    out.push(
      mdTable(
        ['Responsibility', 'Owner', 'Weight', 'Question'],
        area.responsibilities.map((item) => [mdCell(item.title), OWNER_LABEL[item.owner], String(item.weight), mdCell(item.question)]),
        ['left', 'left', 'right', 'left'],
      ),
      '',
    );
  }
  out.push('## Interlock: what each function owes the other', '');
  for (const [from, to] of DIRECTIONS) {
    out.push(`### ${mdText(owes(bank, from, to))}`, '');
    out.push(
      mdTable(
        ['Deliverable', 'Weight', 'Question'],
        bank.interlock.filter((i) => i.from === from && i.to === to).map((item) => [mdCell(item.title), String(item.weight), mdCell(item.question)]),
        ['left', 'right', 'left'],
      ),
      '',
    );
  }
  return out.join('\n');
}
