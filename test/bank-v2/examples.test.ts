import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import {
  ANSWER_OWNERS,
  RESPONDENT_ROLES,
  STAGES,
  V2_EXAMPLES,
  exampleFiles,
  formItems,
  itemsOf,
  loadV2,
  readYaml,
  type AnyItem,
} from './helpers.js';

// The version 2 examples, checked against DESIGN.md's answers-file format and the version 2
// bank, and against the story each one tells.

type Level = number | 'unknown';
interface Answer {
  owner?: string;
  capability?: Level;
  capacity?: Level;
  delivery?: Level;
  evidence?: string;
  note?: string;
}
interface AnswersFile {
  bank?: string;
  'bank-version'?: number;
  organization?: string;
  stage?: string;
  form?: string;
  respondent: { name: string; role: string };
  answers: Record<string, Answer | 'n/a' | null>;
}

const bank = loadV2();
const items = new Map<string, AnyItem>(itemsOf(bank).map((i) => [i.id, i]));
const load = (file: string) => readYaml<AnswersFile>(file);
const answered = (file: AnswersFile) =>
  Object.entries(file.answers).flatMap(([id, a]) => (a && a !== 'n/a' ? [[id, a] as const] : []));
const isLevel = (value: unknown) =>
  value === 'unknown' || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5);

describe.each(exampleFiles().map((file) => [relative(ROOT, file), file] as const))('%s', (_name, file) => {
  const answers = load(file);

  it('names the bank, version 2, a valid stage, form and respondent role', () => {
    expect(answers.bank).toBe('pm-pmm-diagnostic');
    expect(answers['bank-version']).toBe(2);
    expect(STAGES).toContain(answers.stage);
    expect(['rapid', 'full']).toContain(answers.form);
    expect(RESPONDENT_ROLES).toContain(answers.respondent.role);
    expect(answers.respondent.name.length).toBeGreaterThan(2);
  });

  it('answers every item of its form and stage, and only items of version 2', () => {
    for (const id of Object.keys(answers.answers)) expect(items.has(id), `unknown id ${id}`).toBe(true);
    const scope = formItems(bank, answers.form as 'rapid' | 'full', answers.stage!).map((i) => i.id);
    expect(Object.keys(answers.answers).sort()).toEqual([...scope].sort());
  });

  it('gives each item the fields of its kind, with valid values', () => {
    for (const [id, answer] of answered(answers)) {
      const item = items.get(id)!;
      const fields = Object.keys(answer);
      if (item.kind === 'responsibility') {
        for (const f of fields)
          expect(['owner', 'capability', 'capacity', 'evidence', 'note'], `${id}.${f}`).toContain(f);
        expect(ANSWER_OWNERS, `${id}.owner`).toContain(answer.owner);
        expect(isLevel(answer.capability), `${id}.capability`).toBe(true);
        expect(isLevel(answer.capacity), `${id}.capacity`).toBe(true);
      } else {
        for (const f of fields) expect(['delivery', 'evidence', 'note'], `${id}.${f}`).toContain(f);
        expect(isLevel(answer.delivery), `${id}.delivery`).toBe(true);
      }
      for (const text of [answer.note, answer.evidence])
        if (text !== undefined) expect(text.trim().length, id).toBeGreaterThan(10);
    }
  });

  it('has notes that tell the story', () => {
    expect(answered(answers).filter(([, a]) => a.note).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the stories', () => {
  const file = (name: string) => load(join(V2_EXAMPLES, name));
  const owners = (f: AnswersFile) => Object.fromEntries(answered(f).map(([id, a]) => [id, a.owner]));
  const levels = (f: AnswersFile, axis: 'capability' | 'capacity') =>
    answered(f).flatMap(([, a]) => (typeof a[axis] === 'number' ? [a[axis] as number] : []));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('launch orphaned: nobody owns launch, and the launch hand-offs from product are not delivered', () => {
    const f = file('launch-orphaned.yaml');
    expect(f.stage).toBe('growth');
    expect(owners(f)['launch-plan']).toBe('none');
    expect(owners(f)['launch-tiering']).toBe('none');
    for (const id of ['release-plan-and-early-warning', 'launch-readiness-pack', 'pre-launch-knowledge-transfer']) {
      expect((f.answers[id] as Answer).delivery, id).toBe(1);
    }
  });

  it('mature: nearly every owner is the accountable one, capability is high and usually evidenced', () => {
    const f = file('mature.yaml');
    expect(f.stage).toBe('enterprise');
    const responsibilities = answered(f).filter(([id]) => items.get(id)!.kind === 'responsibility');
    const aligned = responsibilities.filter(([id, a]) => {
      const item = items.get(id)!;
      return item.kind === 'responsibility' && a.owner === item.owner;
    });
    expect(aligned.length / responsibilities.length).toBeGreaterThan(0.9);
    expect(mean(levels(f, 'capability'))).toBeGreaterThan(4);
    const highClaims = responsibilities.filter(([, a]) => typeof a.capability === 'number' && a.capability >= 3);
    expect(highClaims.filter(([, a]) => a.evidence).length / highClaims.length).toBeGreaterThan(0.6);
  });

  it('one-person start-up: the start-up stage, one person doing both, no hand-offs, capacity the weak side', () => {
    const f = file('startup-one-person.yaml');
    expect(f.stage).toBe('startup');
    expect(bank.stages.startup!.combined).toBe(true);
    const ownerCounts: Record<string, number> = {};
    for (const owner of Object.values(owners(f))) ownerCounts[owner!] = (ownerCounts[owner!] ?? 0) + 1;
    const total = Object.values(ownerCounts).reduce((s, n) => s + n, 0);
    expect(ownerCounts.combined! / total).toBeGreaterThan(0.8);
    expect(Object.keys(f.answers).some((id) => items.get(id)!.kind === 'interlock')).toBe(false);
    expect(mean(levels(f, 'capacity'))).toBeLessThan(mean(levels(f, 'capability')));
  });

  const teamIn = (folder: string) => exampleFiles().filter((p) => basename(dirname(p)) === folder);
  const deliveryOf = (f: AnswersFile, id: string) => (f.answers[id] as Answer).delivery as number;

  it('team (Northwind): four respondents in four roles, one organization and stage, the full form', () => {
    const team = teamIn('team').map(load);
    expect(team.map((f) => f.respondent.role).sort()).toEqual(['leadership', 'pm', 'pmm', 'sales']);
    expect(new Set(team.map((f) => f.organization))).toEqual(new Set(['Northwind Analytics']));
    expect(new Set(team.map((f) => f.stage))).toEqual(new Set(['growth']));
    expect(new Set(team.map((f) => f.form))).toEqual(new Set(['full']));
  });

  it('team (Northwind): the product marketing lead tells the launch-orphaned story; launch is orphaned or thought to be the other side’s; product sees its release plan better delivered than marketing does', () => {
    const team = teamIn('team').map(load);
    const byRole = Object.fromEntries(team.map((f) => [f.respondent.role, f]));
    expect(byRole.pmm!.answers).toEqual(file('launch-orphaned.yaml').answers);
    const launchOwners = team.map((f) => owners(f)['launch-plan']);
    expect(launchOwners.filter((o) => o === 'none').length).toBeGreaterThan(launchOwners.length / 2);
    expect(owners(byRole.pm!)['launch-plan']).toBe('pmm');
    expect(
      deliveryOf(byRole.pm!, 'release-plan-and-early-warning') -
        deliveryOf(byRole.pmm!, 'release-plan-and-early-warning'),
    ).toBeGreaterThanOrEqual(1);
    expect(team.some((f) => Object.values(owners(f)).includes('combined'))).toBe(true);
    expect(team.filter((f) => answered(f).some(([, a]) => a.evidence)).length).toBeGreaterThanOrEqual(3);
  });

  it('team (rapid): five respondents in five roles, one organization and stage, the rapid form', () => {
    const team = teamIn('team-rapid').map(load);
    expect(team.map((f) => f.respondent.role).sort()).toEqual(['engineering', 'leadership', 'pm', 'pmm', 'sales']);
    expect(new Set(team.map((f) => f.organization)).size).toBe(1);
    expect(new Set(team.map((f) => f.stage))).toEqual(new Set(['growth']));
    expect(new Set(team.map((f) => f.form))).toEqual(new Set(['rapid']));
  });

  it('team (rapid): launch ownership is contested, and the two functions see two hand-offs a level or more apart', () => {
    const team = teamIn('team-rapid');
    const byRole = Object.fromEntries(team.map((p) => [load(p).respondent.role, load(p)]));
    const launchOwners = team.map((p) => owners(load(p))['launch-plan']);
    expect(new Set(launchOwners).size).toBeGreaterThanOrEqual(3);
    for (const id of ['release-plan-and-early-warning', 'win-loss-feedback']) {
      expect(Math.abs(deliveryOf(byRole.pm!, id) - deliveryOf(byRole.pmm!, id)), id).toBeGreaterThanOrEqual(1);
    }
    expect(team.length).toBe(5);
  });
});
