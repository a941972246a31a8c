import { mean, round, shortfall } from '../score/math.js';
import { isConclusive, labelOf, sideOf, type Label, type ProfileResult } from './score.js';
import { fmtTendency, fmtWeight } from './view.js';

// `profile team`: everyone's tendency together, the team's balance, and, from a diagnosis's capacity
// gaps, which tendency the next hire should have. Only conclusive profiles count toward the balance
// and the advice; the others are listed with their reason, and the count of them is said. Pure: the
// diagnosis arrives already checked.

/** What a responsibility of a JSON report carries that the capacity weighing needs. */
export interface CapacityItem {
  id: string;
  weight: number;
  target: number;
  capacity: number | null;
  owner: { recommended: string };
}

export interface CapacityGaps {
  /** Σ w × max(0, T − K) over each accountable owner's responsibilities. */
  byOwner: Record<string, number>;
  pm: number;
  pmm: number;
}

export function capacityGaps(items: readonly CapacityItem[]): CapacityGaps {
  // pm and pmm first, whatever the report's order: they are what the sentence compares.
  const byOwner: Record<string, number> = { pm: 0, pmm: 0 };
  for (const item of items)
    byOwner[item.owner.recommended] =
      (byOwner[item.owner.recommended] ?? 0) + item.weight * shortfall(item.target, item.capacity);
  return { byOwner, pm: byOwner.pm!, pmm: byOwner.pmm! };
}

export interface TeamResult {
  members: ProfileResult[];
  /** Members whose profile is conclusive: the only ones the balance and the advice use. */
  counted: number;
  /** Members left out because their profile is inconclusive. */
  leftOut: number;
  /** One sentence: how many profiles count, and how many were left out. */
  countSentence: string;
  /** The mean of the conclusive members' tendencies (each person counts once); null when there is none. */
  balance: number | null;
  label: Label | null;
  capacity?: CapacityGaps;
  /** The tendency the next hire should have, or `either`. */
  hire: 'inbound' | 'outbound' | 'either';
  /** One sentence: which tendency, and why. */
  sentence: string;
}

const FUNCTION_NAMES = { pm: 'Product Management', pmm: 'Product Marketing' } as const;
const opposite = (side: 'inbound' | 'outbound') => (side === 'inbound' ? 'outbound' : 'inbound');

function hireFromBalance(balance: number | null, label: Label | null): { hire: TeamResult['hire']; reason: string } {
  const side = sideOf(label);
  if (side === null)
    return {
      hire: 'either',
      reason: 'nobody on the team has a conclusive profile, so the profile cannot say which tendency is missing',
    };
  if (side === 'balanced')
    return {
      hire: 'either',
      reason: `the team is balanced (${fmtTendency(balance)}), so either tendency fits and the interview should decide`,
    };
  const is = label!.startsWith('leans') ? label : `is ${label}`;
  return {
    hire: opposite(side),
    reason: `the team ${is} (${fmtTendency(balance)}) and someone who leans ${opposite(side)} would balance it`,
  };
}

function countSentence(counted: number, leftOut: number): string {
  const people = (n: number) => `${n} ${n === 1 ? 'profile' : 'profiles'}`;
  if (leftOut === 0)
    return counted === 0
      ? 'No profiles were given.'
      : counted === 1
        ? 'The one profile is conclusive and counts.'
        : `All ${people(counted)} are conclusive and count.`;
  const count = counted === 0 ? 'No profile counts' : `${people(counted)} ${counted === 1 ? 'counts' : 'count'}`;
  return `${count}; ${people(leftOut)} ${leftOut === 1 ? 'is' : 'are'} inconclusive and left out of the balance and the advice.`;
}

/** "; 2 inconclusive profiles are left out of the team's balance" (nothing when none was left out). */
const leavingOut = (leftOut: number) =>
  leftOut === 0
    ? ''
    : `; ${leftOut} inconclusive ${leftOut === 1 ? 'profile is' : 'profiles are'} left out of the team's balance`;

export function teamResult(members: ProfileResult[], capacityItems?: readonly CapacityItem[]): TeamResult {
  const conclusive = members.filter(isConclusive);
  const counted = conclusive.length;
  const leftOut = members.length - counted;
  const balance = mean(conclusive.flatMap((m) => (m.tendency === null ? [] : [m.tendency])));
  const label = labelOf(balance);
  const team = hireFromBalance(balance, label);
  const base = { members, counted, leftOut, countSentence: countSentence(counted, leftOut), balance, label };
  if (!capacityItems) {
    return {
      ...base,
      hire: team.hire,
      sentence: `Without a diagnosis only the team's balance speaks: ${team.reason}${leavingOut(leftOut)} (add --diagnosis report.json to weigh each function's capacity gaps).`,
    };
  }
  const capacity = capacityGaps(capacityItems);
  const { pm, pmm } = capacity;
  if (round(pm, 2) === round(pmm, 2)) {
    return {
      ...base,
      capacity,
      hire: team.hire,
      sentence: `${FUNCTION_NAMES.pm}'s and ${FUNCTION_NAMES.pmm}'s capacity gaps weigh the same (${fmtWeight(pm)}), so the team's balance decides: ${team.reason}${leavingOut(leftOut)}.`,
    };
  }
  const short = pmm > pm ? 'pmm' : 'pm';
  const other = short === 'pm' ? 'pmm' : 'pm';
  const hire = short === 'pmm' ? 'outbound' : 'inbound';
  const teamSide = sideOf(label);
  const context =
    teamSide === hire
      ? `; the team already leans ${hire} (${fmtTendency(balance)}), so what is missing is time rather than outlook`
      : teamSide === opposite(hire)
        ? `, and the team itself leans ${teamSide} (${fmtTendency(balance)})`
        : '';
  return {
    ...base,
    capacity,
    hire,
    sentence: `Hire someone who leans ${hire}: ${FUNCTION_NAMES[short]}'s responsibilities carry the heavier capacity gaps (${fmtWeight(capacity[short])} against ${fmtWeight(capacity[other])} for ${FUNCTION_NAMES[other]})${context}${leavingOut(leftOut)}.`,
  };
}
