import {
  factChoices,
  factColumn,
  factQuestion,
  formChoices,
  formQuestion,
  itemLevels,
  metaQuestion,
  owesLine,
  ownLevels,
  ratedQuestionCount,
  scaledAxes,
  type Choice,
} from '../answers/choices.js';
import { ITEM_KINDS, TEXT_FIELDS, type RatedField } from '../bank/item-kinds.js';
import type { BankItem } from '../bank/items.js';
import type { Bank, Form } from '../bank/schema.js';
import { stageIds } from '../answers/scope.js';
import { safeLine } from '../text.js';
import { mdText } from './markdown-escape.js';

// `template --format form-guide`: how to build the questionnaire in a form tool (Google Forms,
// Microsoft Forms, Typeform, SurveyMonkey) so that `pm-diag report` reads its export as it is. Each
// question's title carries its `[<id>.<field>]` tag; each choice question lists the exact labels to
// paste, one per line, which the export is read back with (answers/choices.ts).

/** A block to copy as it is: a fence longer than any run of backticks inside it. */
function verbatim(lines: readonly string[]): string[] {
  // safeLine: a bank's text holds no line break or control character that would end the block early.
  const longest = Math.max(
    2,
    ...lines.map((line) => Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length))),
  );
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...lines.map(safeLine), fence];
}

/** What a form question takes: choices to paste, free text, or a whole number. */
type Answers = Choice[] | 'text' | 'number';

/** One question: its title to paste, what kind of question it is, its description and its choices. */
function question(title: string, answers: Answers, required: boolean, description: readonly string[] = []): string[] {
  const kind =
    answers === 'text'
      ? 'Short answer (text)'
      : answers === 'number'
        ? 'Short answer (a whole number; Google Forms: response validation, Number, Whole number)'
        : 'Multiple choice, one answer';
  const lines = ['Title:', '', ...verbatim([title]), '', `${kind}, ${required ? 'required' : 'optional'}.`, ''];
  if (description.length === 1) lines.push(`Description: ${mdText(description[0]!)}`, '');
  else if (description.length > 1) lines.push('Description, to paste as it is:', '', ...verbatim(description), '');
  if (Array.isArray(answers)) lines.push('Choices:', '', ...verbatim(answers.map((c) => c.label)), '');
  return lines;
}

function scales(bank: Bank): string[] {
  const lines: string[] = [];
  for (const axis of scaledAxes(bank)) {
    lines.push(`### ${axis[0]!.toUpperCase()}${axis.slice(1)}`, '');
    itemLevels(bank, undefined, axis).forEach(({ label, description }, i) =>
      lines.push(`- ${mdText(`${i + 1} - ${label}`)}: ${mdText(description)}`),
    );
    lines.push('');
  }
  return lines;
}

/**
 * A rated question's description: the item's question on its first field, then, where the item has
 * statements of its own for the levels, each level's label with its statement, so that the form shows them.
 */
function ratedDescription(bank: Bank, item: BankItem, field: RatedField): string[] {
  const lines = field === ITEM_KINDS[item.kind].rated[0] ? [item.question] : [];
  if (field !== 'owner' && ownLevels(item, field) !== undefined) {
    lines.push('Choose the highest level that is true here:');
    itemLevels(bank, item, field).forEach(({ label, description }, i) =>
      lines.push(`${i + 1} - ${label}: ${description}`),
    );
  }
  return lines;
}

function itemQuestions(item: BankItem, bank: Bank): string[] {
  const heading = item.kind === 'interlock' ? `${item.title} (${owesLine(bank, item)})` : item.title;
  const lines = [`### ${mdText(heading)}`, '', mdText(item.question), ''];
  for (const field of ITEM_KINDS[item.kind].rated)
    lines.push(
      `#### ${mdText(`${item.id}.${field}`)}`,
      '',
      ...question(formQuestion(item, field), formChoices(bank, field), true, ratedDescription(bank, item, field)),
    );
  for (const field of TEXT_FIELDS) {
    const hint = field === 'evidence' && item.evidence !== undefined ? [item.evidence] : [];
    lines.push(
      `#### ${mdText(`${item.id}.${field}`)} (optional)`,
      '',
      ...question(formQuestion(item, field), 'text', false, hint),
    );
  }
  return lines;
}

/** Bank v3: the organization facts, each optional. */
function factQuestions(bank: Bank): string[] {
  const facts = Object.entries(bank.facts ?? {});
  if (facts.length === 0) return [];
  const lines = [
    '## About the organization',
    '',
    'Optional questions that put the answers in context (about a minute). Put them before the items.',
    '',
  ];
  for (const [id, fact] of facts)
    lines.push(
      `### ${mdText(factColumn(id))}`,
      '',
      ...question(factQuestion(fact, id), fact.options ? factChoices(fact) : 'number', false),
    );
  return lines;
}

/** The form guide for the items asked (those of one stage and form), as markdown. */
export function renderFormGuide(bank: Bank, items: readonly BankItem[], scope: { stage?: string; form: Form }): string {
  const rated = ratedQuestionCount(items);
  const stages = stageIds(bank);
  const facts = Object.keys(bank.facts ?? {}).length;
  const counts = [
    `**${rated} rated questions** (required)`,
    '2 about the respondent (required)',
    stages.length > 0 ? '1 about the stage (optional)' : undefined,
    facts > 0 ? `${facts} about the organization (optional)` : undefined,
    `${items.length * TEXT_FIELDS.length} evidence and note boxes (optional)`,
  ].filter((part) => part !== undefined);
  const lines = [
    `# Form guide: ${mdText(bank.title)}`,
    '',
    `Bank \`${bank.id}\` version ${bank.version}, the ${scope.form} form${scope.stage ? ` at the ${scope.stage} stage` : ''}: ${items.length} items; ${counts.join(', ')}.`,
    '',
    '## How to build the form',
    '',
    '1. Create a form in your form tool (Google Forms, Microsoft Forms, Typeform or SurveyMonkey) and add the questions below in order.',
    "2. Paste each question's **title exactly as shown**, with the tag in square brackets at its end (such as `[pricing.owner]`): the tag is how `pm-diag` finds the column in the export, so the words before it may be changed, the tag may not.",
    '3. Make each question with choices a single-answer question (Google Forms: *Multiple choice*; Microsoft Forms: *Choice*) and paste its choices, one per line, exactly as listed. `pm-diag` reads these labels (and also the bare codes, such as `4` or `pmm`), ignoring case and spaces.',
    '4. Make the rated questions required, as marked: each offers "Don\'t know" and "Not applicable", so nobody has to guess. Keep evidence, notes and the questions about the organization optional: an empty answer is read as "not answered".',
    '5. Send the form. When the answers are in, export them:',
    '   - Google Forms: *Responses*, *Link to Sheets*, then in the sheet *File*, *Download*, *Comma-separated values (.csv)*.',
    '   - Microsoft Forms: *Responses*, *Open results in Excel* (an .xlsx file).',
    '   - Typeform and SurveyMonkey: export the responses as CSV (SurveyMonkey: *All responses data*, *CSV*, the *Expanded* columns).',
    '6. Check the export, then read it:',
    '',
    '   ```sh',
    '   pm-diag validate responses.csv',
    '   pm-diag report responses.csv --format html --out report.html',
    '   ```',
    '',
    'The columns a form tool adds on its own (timestamps, e-mail addresses, response ids) are left out and named once. For a form built some other way, `--map FILE` names its columns and labels (see the README).',
    '',
    '## The scales',
    '',
    "Put these in the form's description, or in each section's, so that everyone reads the levels the same way: choose the highest level whose every statement is true.",
    '',
    ...scales(bank),
    '## About the respondent',
    '',
    ...question(metaQuestion('respondent'), 'text', true),
    ...question(metaQuestion('role'), formChoices(bank, 'role'), true),
  ];
  if (stages.length > 0)
    lines.push(
      ...question(metaQuestion('stage'), formChoices(bank, 'stage'), false, [
        'Leave it out when the facilitator sets the stage for everyone (pm-diag report --stage).',
      ]),
    );
  lines.push(...factQuestions(bank));
  for (const area of bank.areas) {
    const inArea = items.filter((i) => i.kind !== 'interlock' && i.area.id === area.id);
    if (inArea.length === 0) continue;
    lines.push(`## ${mdText(area.title)}`, '');
    for (const item of inArea) lines.push(...itemQuestions(item, bank));
  }
  const interlock = items.filter((i) => i.kind === 'interlock');
  if (interlock.length > 0) {
    lines.push('## Interlock: what each function owes another', '');
    for (const item of interlock) lines.push(...itemQuestions(item, bank));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
