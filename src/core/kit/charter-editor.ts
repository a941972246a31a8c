/// <reference lib="dom" />
import type { Owner } from '../answers/schema.js';
import { ACTION_STATUSES, DECIDED_OWNERS, type ActionStatus } from '../charter/schema.js';
import type { CharterDraft, DraftAction, DraftDecision } from '../charter/template.js';
import { label } from '../render/report-view.js';

// The facilitator page's role charter and action plan, as the room edits them: each row of the
// charter the report suggests (charter/template.ts's draft, the one `template --format charter`
// writes) with its owner, contributors and note, or its next step, person, due date and status. A
// new report (another option, another file) suggests a new draft; what the room already changed on
// a row stays, until another charter file is given.

/** One row and whether it goes in the file ("In the charter"). */
interface Row<T> {
  value: T;
  kept: boolean;
}

type DecisionEdit = Pick<DraftDecision, 'owner' | 'contributors' | 'note'> & { kept: boolean };
type ActionEdit = Pick<DraftAction, 'action' | 'owner' | 'due' | 'status'> & { kept: boolean };

function el(tag: string, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

const ownerName = (code: string) => `${label(code)} (${code})`;
const codes = (list: readonly string[]) => (list.length === 0 ? 'none' : list.map(label).join(', '));

function select(id: string, options: readonly string[], value: string, text: (o: string) => string) {
  const s = el(
    'select',
    { id },
    options.map((o) => el('option', { value: o }, [text(o)])),
  ) as HTMLSelectElement;
  s.value = value;
  return s;
}

function input(id: string, type: string, value: string, attrs: Record<string, string> = {}) {
  const i = el('input', { id, type, ...attrs }) as HTMLInputElement;
  i.value = value;
  return i;
}

const control = (id: string, text: string, field: HTMLElement, wide = false) =>
  el('div', { class: wide ? 'control wide' : 'control' }, [el('label', { for: id }, [text]), field]);

function keepBox(id: string, kept: boolean, onChange: (kept: boolean) => void): HTMLElement {
  const box = el('input', { type: 'checkbox', id }) as HTMLInputElement;
  box.checked = kept;
  box.addEventListener('change', () => onChange(box.checked));
  return el('div', { class: 'check' }, [box, el('label', { for: id }, ['In the charter'])]);
}

export interface CharterEditorParts {
  section: HTMLElement;
  organization: HTMLInputElement;
  decided: HTMLInputElement;
  decisions: HTMLElement;
  actions: HTMLElement;
}

export class CharterEditor {
  private decisions: Row<DraftDecision>[] = [];
  private actions: Row<DraftAction>[] = [];
  private decisionEdits = new Map<string, DecisionEdit>();
  private actionEdits = new Map<string, ActionEdit>();
  private meta: { organization?: string; decided?: string } = {};

  constructor(private readonly parts: CharterEditorParts) {
    parts.organization.addEventListener('input', () => (this.meta.organization = parts.organization.value));
    parts.decided.addEventListener('input', () => (this.meta.decided = parts.decided.value));
  }

  /** Forgets what the room changed: another charter file starts the rows again. */
  reset(): void {
    this.decisionEdits.clear();
    this.actionEdits.clear();
    this.meta = {};
  }

  /** Shows the rows a report suggests, with what the room changed on them; none hides the editor. */
  show(draft: CharterDraft | undefined): void {
    this.parts.section.hidden = draft === undefined;
    if (draft === undefined) return;
    this.parts.organization.value = this.meta.organization ?? draft.organization;
    this.parts.decided.value = this.meta.decided ?? draft.decided;
    this.decisions = draft.decisions.map((d) => {
      const edit = this.decisionEdits.get(d.id);
      return edit ? { value: { ...d, ...edit }, kept: edit.kept } : { value: d, kept: true };
    });
    this.actions = draft.actions.map((a, i) => {
      const edit = this.actionEdits.get(actionKey(draft.actions, i));
      return edit ? { value: { ...a, ...edit }, kept: edit.kept } : { value: a, kept: true };
    });
    this.parts.decisions.replaceChildren(
      ...(this.decisions.length === 0
        ? [el('p', { class: 'empty' }, ['No ownership problem to decide: every item has the owner most people name.'])]
        : this.decisions.map((row) => this.decisionRow(row))),
    );
    this.parts.actions.replaceChildren(
      ...(this.actions.length === 0
        ? [el('p', { class: 'empty' }, ['No gap on the agenda.'])]
        : this.actions.map((row, i) => this.actionRow(row, actionKey(draft.actions, i), i))),
    );
  }

  /** The charter as the room left it: the rows kept, with their edits. */
  draft(): CharterDraft {
    return {
      organization: this.parts.organization.value.trim(),
      decided: this.parts.decided.value,
      decisions: this.decisions.filter((r) => r.kept).map((r) => r.value),
      actions: this.actions.filter((r) => r.kept).map((r) => r.value),
    };
  }

  /** The row a problem of the saved file is about (`actions.2.due`: the third action kept), for the room to find it. */
  placeOf(path: string | undefined): string | undefined {
    const { decisions, actions } = this.draft();
    const [section, key] = (path ?? '').split('.');
    const decision = decisions.find((d) => d.id === key);
    if (section === 'decisions' && decision) return `Role charter, ${decision.title}`;
    if (section === 'actions' && actions[Number(key)]) return `Action plan, ${actions[Number(key)]!.title}`;
    if (section === 'decided') return 'Decided on';
    return undefined;
  }

  private decisionRow(row: Row<DraftDecision>): HTMLElement {
    const d = row.value;
    const id = `kit-d-${d.id}`;
    const save = () =>
      this.decisionEdits.set(d.id, { owner: d.owner, contributors: d.contributors, note: d.note, kept: row.kept });
    const owner = select(`${id}-owner`, DECIDED_OWNERS, d.owner, ownerName);
    owner.addEventListener('change', () => {
      d.owner = owner.value as Owner;
      save();
    });
    const contributors = el('summary', {}, []);
    const showContributors = () => (contributors.textContent = `Contributors: ${codes(d.contributors)}`);
    showContributors();
    const boxes = DECIDED_OWNERS.map((code) => {
      const box = el('input', { type: 'checkbox', id: `${id}-c-${code}`, value: code }) as HTMLInputElement;
      box.checked = d.contributors.includes(code);
      box.addEventListener('change', () => {
        d.contributors = DECIDED_OWNERS.filter((c) => (c === code ? box.checked : d.contributors.includes(c)));
        showContributors();
        save();
      });
      return el('span', { class: 'chip' }, [box, el('label', { for: `${id}-c-${code}` }, [label(code)])]);
    });
    const note = input(`${id}-note`, 'text', d.note);
    note.addEventListener('input', () => {
      d.note = note.value;
      save();
    });
    const said = `Recommended: ${ownerName(d.recommended)}, contributors ${codes(d.recommendedContributors)}. Today: ${d.status}${d.contested ? ', contested' : ''}; people answered ${d.answered || 'nothing'}.`;
    return el('fieldset', { class: 'row' }, [
      el('legend', {}, [d.title]),
      el('div', { class: 'head' }, [
        el('p', { class: 'hint' }, [said]),
        keepBox(`${id}-keep`, row.kept, (kept) => {
          row.kept = kept;
          save();
        }),
      ]),
      el('div', { class: 'controls' }, [
        control(`${id}-owner`, 'Accountable owner', owner),
        el('details', { class: 'chips' }, [
          contributors,
          el('div', { class: 'chips', role: 'group', 'aria-label': `Contributors to ${d.title}` }, boxes),
        ]),
        control(`${id}-note`, 'Note', note, true),
      ]),
    ]);
  }

  private actionRow(row: Row<DraftAction>, key: string, index: number): HTMLElement {
    const a = row.value;
    const id = `kit-a-${index}`;
    const save = () =>
      this.actionEdits.set(key, { action: a.action, owner: a.owner, due: a.due, status: a.status, kept: row.kept });
    const step = el('textarea', { id: `${id}-action`, rows: '3' }) as HTMLTextAreaElement;
    step.value = a.action;
    step.addEventListener('input', () => {
      a.action = step.value;
      save();
    });
    const owner = input(`${id}-owner`, 'text', a.owner, { autocomplete: 'name' });
    owner.addEventListener('input', () => {
      a.owner = owner.value;
      save();
    });
    const due = input(`${id}-due`, 'date', a.due, { required: '' });
    due.addEventListener('input', () => {
      a.due = due.value;
      save();
    });
    const status = select(`${id}-status`, ACTION_STATUSES, a.status, (s) => s);
    status.addEventListener('change', () => {
      a.status = status.value as ActionStatus;
      save();
    });
    return el('fieldset', { class: 'row' }, [
      el('legend', {}, [a.title]),
      el('div', { class: 'head' }, [
        control(`${id}-action`, 'Next step', step),
        keepBox(`${id}-keep`, row.kept, (kept) => {
          row.kept = kept;
          save();
        }),
      ]),
      el('div', { class: 'controls' }, [
        control(`${id}-owner`, 'Owner (a person)', owner),
        control(`${id}-due`, 'Due', due),
        control(`${id}-status`, 'Status', status),
      ]),
    ]);
  }
}

/** An action's place among those of its item (the second action on pricing): what an edit is kept under. */
function actionKey(actions: readonly DraftAction[], index: number): string {
  const item = actions[index]!.item;
  return `${item}#${actions.slice(0, index).filter((a) => a.item === item).length}`;
}
