import type { OwnershipStatus } from '../score/model.js';

// The one home of what each ownership status means to a reader: how bad it is, what it is called,
// its definition and the decision it asks of the room. A Record over the status type, so a status
// added to the model does not compile until every report can order, name and define it.

export interface StatusMeaning {
  /** Lower is worse: the order in which problems are listed. */
  severity: number;
  /** Whether the status is an ownership problem in itself (a contested owner is one whatever its status). */
  problem: boolean;
  definition: string;
  /** What the room decides about an item with this status, worded with its owners' names. */
  decision: (owners: OwnerNames) => string;
}

/** An item's owners as a reader knows them: "PMM", "PM, Sales", "Sales". */
export interface OwnerNames {
  recommended: string;
  contributors: string;
  consensus: string;
  /** The bank recommends that PM and PMM share it. */
  shared: boolean;
}

const withContributors = (o: OwnerNames) => (o.contributors === '' ? '' : `, with ${o.contributors} contributing`);

export const OWNERSHIP: Record<OwnershipStatus, StatusMeaning> = {
  orphaned: {
    severity: 0,
    problem: true,
    definition: 'most respondents say nobody owns it',
    decision: (o) =>
      o.shared
        ? 'Give it owners: PM and PMM share it, each leading an agreed part.'
        : `Name one accountable owner: ${o.recommended} is recommended${withContributors(o)}.`,
  },
  blurred: {
    severity: 1,
    problem: true,
    definition:
      'people cannot say who owns it, or say it is shared or combined where one function should be accountable',
    decision: (o) =>
      o.shared
        ? 'Share it on purpose: agree which part PM and PMM each lead.'
        : `Pick one accountable function (${o.recommended} is recommended); the others contribute.`,
  },
  misassigned: {
    severity: 2,
    problem: true,
    definition: 'another function than the recommended one holds it',
    decision: (o) => `Move it from ${o.consensus} to ${o.recommended}, or record why ${o.consensus} keeps it.`,
  },
  partial: {
    severity: 3,
    problem: true,
    definition: 'a shared responsibility held by PM or PMM alone: one side does what both should',
    decision: (o) =>
      `Make it truly shared: agree which part PM and PMM each lead (${o.consensus} holds it alone today).`,
  },
  aligned: {
    severity: 4,
    problem: false,
    definition: 'the owner most people name is the recommended one',
    decision: (o) => `Confirm ${o.recommended} as the owner so that everyone knows it.`,
  },
  unanswered: {
    severity: 5,
    problem: false,
    definition: 'nobody said who owns it',
    decision: () => 'Find out who owns it today.',
  },
};

/** A contested owner: under two thirds of the owner answers agree. */
export const CONTESTED = 'under two thirds of the owner answers agree on one owner';

/** The statuses from the worst to the mildest. */
export const STATUSES_BY_SEVERITY = (Object.keys(OWNERSHIP) as OwnershipStatus[]).sort(
  (a, b) => OWNERSHIP[a].severity - OWNERSHIP[b].severity,
);
