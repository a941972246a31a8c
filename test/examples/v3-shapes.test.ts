import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswers } from '../../src/core/answers/load.js';
import { itemsById, ownerAt } from '../../src/core/bank/items.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import type { Respondent } from '../../src/core/answers/respondent.js';
import type { InterlockScore, ItemScore, ResponsibilityScore } from '../../src/core/score/model.js';
import { builtinBank } from '../../src/io/bank-files.js';
import { ROOT } from '../helpers/cli.js';

// The example answers show the shapes of bank version 3 that a report must get right: owners a
// growth company really has (customer success, the marketing department) not flagged, a founder
// owning the business case at the start-up stage, a failed hand-off on the agenda's first page,
// and a stage suggested by the reported revenue. Loaded and scored in-process, as `report` does.

const EXAMPLES = join(ROOT, 'examples');
const bank = builtinBank();

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
const load = (file: string) => parseAnswers({ source: file, text: readFileSync(file, 'utf8') }, bank);
const diagnosisOf = (files: string[]) => diagnose(bank, files.map((file) => load(file).respondent), { date: '2026-12-07' });

const itemOf = (items: ItemScore[], id: string) => items.find((item) => item.id === id)!;
const responsibility = (items: ItemScore[], id: string) => itemOf(items, id) as ResponsibilityScore;
const recommendedAt = (id: string, stage: string) => {
  const item = itemsById(bank).get(id);
  if (item?.kind !== 'responsibility') throw new Error(`${id} is not a responsibility of the bank`);
  return ownerAt(item, stage).owner;
};

describe('every example', () => {
  const files = [...yamlIn(EXAMPLES), ...yamlIn(join(EXAMPLES, 'team')), ...yamlIn(join(EXAMPLES, 'team-rapid'))];

  it.each(files.map((file) => [file.slice(ROOT.length), file]))(
    '%s is made for bank version 3 and loads with no warning',
    (_name, file) => {
      const raw = parse(readFileSync(file, 'utf8')) as { 'bank-version': number; facts?: Record<string, unknown> };
      expect(raw['bank-version']).toBe(bank.version);
      expect(bank.version).toBe(3);
      expect(Object.keys(raw.facts ?? {}).length).toBeGreaterThanOrEqual(5);
      expect(load(file).warnings).toEqual([]);
    },
  );
});

describe('Northwind Analytics (examples/team): a growth company', () => {
  const files = yamlIn(join(EXAMPLES, 'team'));
  const diagnosis = diagnosisOf(files);

  it('is scored at the growth stage, as its answers name it, with the facts most respondents give', () => {
    expect(diagnosis.stage).toBe('growth');
    expect(diagnosis.stageSource).toBe('answers');
    expect(diagnosis.facts.revenue).toBe('10-50m');
    // One respondent still names the reporting line from before a reorganization; the majority counts.
    const named = files.map((file) => load(file).respondent.facts?.['pmm-reports-to']);
    expect(new Set(named).size).toBe(2);
    expect(named.filter((value) => value === diagnosis.facts['pmm-reports-to']).length).toBe(files.length - 1);
  });

  it.each([
    ['customer-onboarding', 'cs'],
    ['demand-generation', 'marketing'],
  ])('%s is owned by %s, the accountable owner at growth, and is not flagged', (id, owner) => {
    expect(recommendedAt(id, 'growth')).toBe(owner);
    const item = responsibility(diagnosis.items, id);
    expect(item.owner.consensus).toBe(owner);
    expect(item.owner.status).toBe('aligned');
  });

  it('has at least one "I don\'t know" owner answer, kept out of the consensus and listed as a knowledge gap', () => {
    const unknownOwners = diagnosis.knowledgeGaps.unknown.filter((gap) => gap.axis === 'owner');
    expect(unknownOwners.length).toBeGreaterThan(0);
    for (const gap of unknownOwners) expect(responsibility(diagnosis.items, gap.id).owner.consensus).not.toBe('unknown');
  });

  it('puts a hand-off its receivers rate 1 or 2 among the top three gaps, judged by the receivers alone', () => {
    const topThree = diagnosis.gaps.slice(0, 3).map((id) => itemOf(diagnosis.items, id));
    const handoffs = topThree.filter((item): item is InterlockScore => item.kind === 'interlock');
    expect(handoffs.length).toBeGreaterThan(0);
    for (const handoff of handoffs) {
      expect(handoff.deliveryBySide.receiver).not.toBeNull();
      expect(handoff.deliveryBySide.receiver!).toBeLessThanOrEqual(2);
      expect(handoff.delivery).toBe(handoff.deliveryBySide.receiver);
      // The giver sees it delivered better: the receivers' view is the one that ranks it.
      expect(handoff.deliveryBySide.giver!).toBeGreaterThan(handoff.deliveryBySide.receiver!);
    }
  });

  it('shows launch orphaned and one item where each side names the other as owner', () => {
    expect(responsibility(diagnosis.items, 'launch-plan').owner.status).toBe('orphaned');
    const byRole = new Map<string | undefined, Respondent>(
      files.map((file) => load(file).respondent).map((respondent) => [respondent.role, respondent]),
    );
    const ownerBy = (role: string, id: string) => {
      const answer = byRole.get(role)!.answers.get(id);
      return answer === 'n/a' ? undefined : answer?.owner;
    };
    const crossed = diagnosis.items.filter(
      (item) => item.kind === 'responsibility' && ownerBy('pm', item.id) === 'pmm' && ownerBy('pmm', item.id) === 'pm',
    );
    expect(crossed.length).toBeGreaterThan(0);
    for (const item of crossed) expect((item as ResponsibilityScore).owner.contested).toBe(true);
  });
});

describe('Tiny Rocket (examples/startup-one-person.yaml): a start-up', () => {
  const diagnosis = diagnosisOf([join(EXAMPLES, 'startup-one-person.yaml')]);
  const { respondent } = load(join(EXAMPLES, 'startup-one-person.yaml'));

  it('has its founder own the business case, which is aligned at the start-up stage', () => {
    expect(diagnosis.stage).toBe('startup');
    expect(recommendedAt('business-case', 'startup')).toBe('leadership');
    expect(recommendedAt('business-case', 'growth')).not.toBe('leadership');
    const item = responsibility(diagnosis.items, 'business-case');
    expect(item.owner.consensus).toBe('leadership');
    expect(item.owner.status).toBe('aligned');
  });

  it('answers "combined" where one person does both jobs, and every such answer is aligned', () => {
    const combined = [...respondent.answers].filter(([, answer]) => answer !== 'n/a' && answer.owner === 'combined');
    expect(combined.length).toBeGreaterThan(10);
    for (const [id] of combined) expect(responsibility(diagnosis.items, id).owner.status, id).toBe('aligned');
  });
});

describe('launch orphaned and mature', () => {
  it('launch-orphaned: nobody owns launch', () => {
    const diagnosis = diagnosisOf([join(EXAMPLES, 'launch-orphaned.yaml')]);
    expect(responsibility(diagnosis.items, 'launch-plan').owner.status).toBe('orphaned');
    expect(responsibility(diagnosis.items, 'launch-tiering').owner.status).toBe('orphaned');
  });

  it('mature: an enterprise where nearly every owner is the accountable one and the work is strong', () => {
    const diagnosis = diagnosisOf([join(EXAMPLES, 'mature.yaml')]);
    expect(diagnosis.stage).toBe('enterprise');
    expect(diagnosis.summary.alignment!).toBeGreaterThan(90);
    expect(diagnosis.summary.capability!).toBeGreaterThan(75);
    for (const id of ['advocacy-and-references', 'sales-training']) {
      const item = responsibility(diagnosis.items, id);
      expect(item.owner.recommended).toBe(recommendedAt(id, 'enterprise'));
      expect(item.owner.recommended).not.toBe(recommendedAt(id, 'growth'));
      expect(item.owner.status, id).toBe('aligned');
    }
  });
});

describe('Fabrikam Health (examples/team-rapid): the rapid form, no stage named', () => {
  const files = yamlIn(join(EXAMPLES, 'team-rapid'));
  const diagnosis = diagnosisOf(files);

  it('is scored at the stage its reported revenue suggests', () => {
    for (const file of files) expect(load(file).respondent.stage, file).toBeUndefined();
    expect(diagnosis.stageSource).toBe('revenue');
    expect(bank.stages![diagnosis.stage!]!.revenue).toContain(diagnosis.facts.revenue);
    expect(diagnosis.form).toBe('rapid');
    expect(diagnosis.forms.rapid).toBe(files.length);
  });
});
