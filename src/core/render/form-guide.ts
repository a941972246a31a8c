import { formChoices, formQuestion, metaQuestion, type ChoiceField } from '../answers/choices.js';
import { fieldsOf, type AnswerField } from '../bank/item-kinds.js';
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

/** One question: its title to paste, what kind of question it is, and its choices. */
function question(
  title: string,
  field: ChoiceField | 'text',
  bank: Bank,
  required: boolean,
  description?: string,
): string[] {
  const kind = field === 'text' ? 'Short answer (text)' : 'Multiple choice, one answer';
  const lines = ['Title:', '', ...verbatim([title]), '', `${kind}${required ? ', required' : ', optional'}.`, ''];
  if (description !== undefined) lines.push(`Description: ${mdText(description)}`, '');
  if (field !== 'text') lines.push('Choices:', '', ...verbatim(formChoices(bank, field).map((c) => c.label)), '');
  return lines;
}

function scales(bank: Bank): string[] {
  const lines: string[] = [];
  for (const axis of ['capability', 'capacity', 'delivery'] as const) {
    lines.push(`### ${axis[0]!.toUpperCase()}${axis.slice(1)}`, '');
    for (const level of ['1', '2', '3', '4', '5'] as const)
      lines.push(
        `- ${mdText(`${level} - ${bank.scales[axis][level].label}`)}: ${mdText(bank.scales[axis][level].description)}`,
      );
    lines.push('');
  }
  return lines;
}

const CHOICE_FIELDS: readonly AnswerField[] = ['owner', 'capability', 'capacity', 'delivery'];

function itemQuestions(item: BankItem, bank: Bank): string[] {
  const heading =
    item.kind === 'interlock'
      ? `${item.title} (what ${item.from.toUpperCase()} owes ${item.to.toUpperCase()})`
      : item.title;
  const lines = [`### ${mdText(heading)}`, '', mdText(item.question), ''];
  for (const field of fieldsOf(item.kind)) {
    const choice = CHOICE_FIELDS.includes(field) ? (field as ChoiceField) : 'text';
    const description =
      field === 'evidence' && item.evidence !== undefined
        ? item.evidence
        : field === fieldsOf(item.kind)[0]
          ? item.question
          : undefined;
    lines.push(
      `#### ${mdText(`${item.id}.${field}`)}`,
      '',
      ...question(formQuestion(item, field), choice, bank, false, description),
    );
  }
  return lines;
}

/** The form guide for the items asked (those of one stage and form), as markdown. */
export function renderFormGuide(bank: Bank, items: readonly BankItem[], scope: { stage?: string; form: Form }): string {
  const count = items.reduce((n, item) => n + fieldsOf(item.kind).length, 0);
  const stages = stageIds(bank);
  const lines = [
    `# Form guide: ${mdText(bank.title)}`,
    '',
    `Bank \`${bank.id}\` version ${bank.version}, the ${scope.form} form${scope.stage ? ` at the ${scope.stage} stage` : ''}: ${items.length} items, ${count + 2 + (stages.length > 0 ? 1 : 0)} questions.`,
    '',
    '## How to build the form',
    '',
    '1. Create a form in your form tool (Google Forms, Microsoft Forms, Typeform or SurveyMonkey) and add the questions below in order.',
    "2. Paste each question's **title exactly as shown**, with the tag in square brackets at its end (such as `[pricing.owner]`): the tag is how `pm-diag` finds the column in the export, so the words before it may be changed, the tag may not.",
    '3. Make each question with choices a single-answer question (Google Forms: *Multiple choice*; Microsoft Forms: *Choice*) and paste its choices, one per line, exactly as listed. `pm-diag` reads these labels (and also the bare codes, such as `4` or `pmm`), ignoring case and spaces.',
    '4. Keep evidence and notes optional. Leave a question unanswered rather than guessing: an empty answer is read as "not answered yet".',
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
    ...question(metaQuestion('respondent'), 'text', bank, true),
    ...question(metaQuestion('role'), 'role', bank, true),
  ];
  if (stages.length > 0)
    lines.push(
      ...question(
        metaQuestion('stage'),
        'stage',
        bank,
        false,
        'Leave it out when the facilitator sets the stage for everyone (pm-diag report --stage).',
      ),
    );
  for (const area of bank.areas) {
    const inArea = items.filter((i) => i.kind === 'responsibility' && i.area.id === area.id);
    if (inArea.length === 0) continue;
    lines.push(`## ${mdText(area.title)}`, '');
    for (const item of inArea) lines.push(...itemQuestions(item, bank));
  }
  const interlock = items.filter((i) => i.kind === 'interlock');
  if (interlock.length > 0) {
    lines.push('## Interlock: what each function owes the other', '');
    for (const item of interlock) lines.push(...itemQuestions(item, bank));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
