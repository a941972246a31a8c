import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  FIELD_QUESTIONS,
  NOT_APPLICABLE_CHOICE,
  TEXT_FIELD_QUESTIONS,
  UNKNOWN_CHOICE,
  factColumn,
  itemLevels,
  owesLine,
  ownLevels,
  ownerChoices,
  ratedQuestionCount,
  roleChoices,
  scaledAxes,
  type Option,
} from '../../answers/choices.js';
import { NOT_APPLICABLE, UNKNOWN } from '../../answers/schema.js';
import { bankHash } from '../../bank/hash.js';
import { ITEM_KINDS, axesOf, fieldsOf, type ItemKind } from '../../bank/item-kinds.js';
import { bankItems, type BankItem } from '../../bank/items.js';
import type { Bank, Form } from '../../bank/schema.js';
import { itemsInScope } from '../../answers/scope.js';
import { page, type Html } from '../html/page.js';
import { esc, plain } from '../svg/markup.js';
import { QUESTIONNAIRE_SCRIPT } from './script.js';
import { QUESTIONNAIRE_STYLE } from './style.js';

// `pm-diag form`: the questionnaire as one offline HTML page. The page holds the bank's items in
// scope as JSON data and one script (script.ts) that shows them an item at a time. The CSP lets
// that script run by its hash and nothing else load: no request leaves the page.

export interface QuestionnaireScope {
  /** null when the bank declares no stages. */
  stage: string | null;
  form: Form;
  organization?: string;
}

/** Everything the script needs, with every text of the bank made plain (the script puts it in the page as text, never as markup). */
export function questionnaireData(bank: Bank, scope: QuestionnaireScope) {
  const text = (choice: Option<string>) => ({
    value: choice.value,
    name: plain(choice.name),
    description: choice.description === undefined ? undefined : plain(choice.description),
  });
  const kinds = Object.fromEntries(
    (Object.keys(ITEM_KINDS) as ItemKind[]).map((kind) => {
      const rated: readonly string[] = ITEM_KINDS[kind].rated;
      return [kind, { rated, text: fieldsOf(kind).filter((field) => !rated.includes(field)) }];
    }),
  );
  const interlockSection = 'What each function owes another';
  /** Only an item's own statements are sent (bank v3 anchors): the scale's are sent once. */
  const anchors = (item: BankItem) => {
    const axes = axesOf(item.kind).filter((axis) => ownLevels(item, axis) !== undefined);
    if (axes.length === 0) return undefined;
    return Object.fromEntries(
      axes.map((axis) => [axis, itemLevels(bank, item, axis).map((level) => plain(level.description))]),
    );
  };
  return {
    bank: { id: bank.id, version: bank.version, hash: bankHash(bank), title: plain(bank.title) },
    stage: scope.stage,
    form: scope.form,
    organization: scope.organization === undefined ? null : plain(scope.organization),
    kinds,
    scales: Object.fromEntries(
      scaledAxes(bank).map((axis) => [
        axis,
        itemLevels(bank, undefined, axis).map((level) => ({
          label: plain(level.label),
          description: plain(level.description),
        })),
      ]),
    ),
    facts: Object.entries(bank.facts ?? {}).map(([id, fact]) => ({ id, number: fact.options === undefined })),
    questions: FIELD_QUESTIONS,
    texts: TEXT_FIELD_QUESTIONS,
    evidenceHint: 'What would show a level of 3 or more: ',
    owners: ownerChoices(bank).map(text),
    unknown: text({ value: UNKNOWN, ...UNKNOWN_CHOICE }),
    notApplicable: text({ value: NOT_APPLICABLE, ...NOT_APPLICABLE_CHOICE }),
    items: itemsInScope(bankItems(bank), scope).map((item) => ({
      id: item.id,
      kind: item.kind,
      section: plain(item.kind === 'interlock' ? interlockSection : item.area.title),
      title: plain(item.title),
      question: plain(item.question),
      evidence: item.evidence === undefined ? undefined : plain(item.evidence),
      owes: item.kind === 'interlock' ? plain(owesLine(bank, item)) : undefined,
      levels: anchors(item),
    })),
  };
}

export type QuestionnaireData = ReturnType<typeof questionnaireData>;

/**
 * JSON that stays data inside `<script type="application/json">`: no `<` (so neither `</script>`
 * nor `<!--` can end or change the block), and no line separators that older parsers mind.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

declare const __PM_DIAG_QUESTIONNAIRE_SCRIPT_SOURCE__: string | undefined;

/** `'sha256-…'`: the CSP source that lets exactly this script run. */
export function scriptHashSource(script: string): string {
  const digest = sha256(utf8ToBytes(script));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** `'sha256-…'`, the CSP source that lets exactly the questionnaire's script run. */
export function questionnaireScriptSource(): string {
  // The build works it out once (scripts/build.mjs); tests run the source, which works it out here.
  if (typeof __PM_DIAG_QUESTIONNAIRE_SCRIPT_SOURCE__ === 'string') return __PM_DIAG_QUESTIONNAIRE_SCRIPT_SOURCE__;
  return scriptHashSource(QUESTIONNAIRE_SCRIPT);
}

/** Nothing may load or be sent: only the page's own style and its one script. */
const questionnaireCsp = (): string =>
  `default-src 'none'; script-src ${questionnaireScriptSource()}; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`;

function respondentScreen(bank: Bank): Html {
  const roles = roleChoices(bank)
    .map(
      (r, i) =>
        `<label class="opt" for="role-${i}"><input type="radio" name="respondent.role" value="${r.value}" id="role-${i}"><span><span class="name">${esc(r.name)}</span></span></label>`,
    )
    .join('\n');
  return `<section class="screen" id="screen-respondent" aria-labelledby="respondent-h">
<h2 id="respondent-h" tabindex="-1">About you</h2>
<div class="field"><label for="respondent-name">Your name</label>
<p class="hint" id="name-hint">It keeps your answers apart from the others' in the report, and names the file you send back.</p>
<input type="text" id="respondent-name" name="respondent.name" autocomplete="name" required aria-describedby="name-hint">
<p class="error" id="name-error" hidden>Please give your name before you go on.</p></div>
<fieldset><legend>Your role</legend>
${roles}
</fieldset>
</section>`;
}

/**
 * Bank v3: the organization facts, asked before the items, each skippable: a list for a fact with
 * options, a whole number otherwise.
 */
function factsScreen(bank: Bank): Html {
  const facts = Object.entries(bank.facts ?? {});
  if (facts.length === 0) return '';
  const fields = facts
    .map(([id, fact], i) => {
      const name = esc(factColumn(id));
      const label = `<label for="fact-${i}">${esc(fact.question)}</label>`;
      const control = fact.options
        ? `<select id="fact-${i}" name="${name}"><option value="">Not given</option>${Object.entries(fact.options)
            .map(([code, text]) => `<option value="${esc(code)}">${esc(text)}</option>`)
            .join('')}</select>`
        : `<input type="number" id="fact-${i}" name="${name}" min="0" step="1" inputmode="numeric" aria-describedby="fact-${i}-error"><p class="error" id="fact-${i}-error" hidden>A whole number, 0 or more, or leave it empty.</p>`;
      return `<div class="field">${label}${control}</div>`;
    })
    .join('\n');
  return `<section class="screen" id="screen-facts" hidden aria-labelledby="facts-h">
<h2 id="facts-h" tabindex="-1">About the organization</h2>
<p class="hint">About a minute: they put the answers in context. Each one is optional; leave out what you do not know.</p>
${fields}
</section>`;
}

const DONE_SCREEN = `<section class="screen" id="screen-done" hidden aria-labelledby="done-h">
<h2 id="done-h" tabindex="-1">Send your answers</h2>
<p id="done-summary"></p>
<p>Choose <strong>Download answers</strong> and send the file it saves to whoever sent you this questionnaire. If the download does not work, <strong>Copy answers</strong> and paste them into a message.</p>
<p>Sharing this browser? Once your answers are sent, the next person starts here,
with nothing of yours shown.</p>
<div class="out"><button type="button" id="new-after">Start a new response</button></div>
</section>`;

/** A browser can be shared: a returning visit is asked whose answers these are before any is shown. */
const RETURNING_SCREEN = `<section class="returning" id="returning" hidden aria-labelledby="returning-h">
<h2 id="returning-h" tabindex="-1">Answers in progress</h2>
<p id="returning-text"></p>
<div class="out"><button type="button" id="continue">Continue</button>
<button type="button" id="new-response" class="primary">Start a new response</button></div>
</section>`;

export function renderQuestionnaire(bank: Bank, scope: QuestionnaireScope): string {
  const data = questionnaireData(bank, scope);
  const stageTitle = scope.stage === null ? undefined : bank.stages?.[scope.stage]?.title;
  const facts = [
    scope.organization === undefined ? undefined : `for ${scope.organization}`,
    `${data.items.length} items, ${ratedQuestionCount(data.items)} questions`,
    scope.form === 'rapid' ? 'rapid form' : 'full form',
    stageTitle === undefined ? undefined : `stage: ${stageTitle}`,
    `bank ${bank.id} version ${bank.version}`,
  ].filter((fact) => fact !== undefined);
  const body = `<header>
<h1>${esc(bank.title)}<span class="sub">Questionnaire · ${esc(facts.join(' · '))}</span></h1>
<p class="intro">Answer each item for your organization as it works today: who owns it, and how well and how fully it is done; for a way of working, how often it happens. Every level is described; choose the highest one whose description is true. "Don't know" is a fine answer.</p>
<p class="intro">Nothing you type leaves this page: your answers stay in this browser as you go, so you can close it and carry on later. At the end, download your answers and send the file back.</p>
<p class="notice" id="storage-note" hidden>This browser does not keep your answers (a private window, or storage turned off): download or copy them before you close the page.</p>
</header>
<main>
${RETURNING_SCREEN}
<form id="questionnaire" novalidate>
<div class="bar"><p id="progress-text">About you</p><progress id="progress" max="${data.items.length}" value="0" aria-label="Items answered"></progress></div>
${respondentScreen(bank)}
${factsScreen(bank)}
<div id="items"></div>
${DONE_SCREEN}
<div class="steps"><button type="button" id="back" disabled>Back</button><button type="submit" id="next" class="primary">Next</button></div>
</form>
<section class="out-box" id="out-box" aria-labelledby="out-h">
<h2 id="out-h">Your answers</h2>
<div class="out"><button type="button" id="download">Download answers</button><button type="button" id="copy">Copy answers</button></div>
<p id="status" role="status"></p>
<div class="field" id="copy-fallback" hidden><label for="answers-text">Your answers, to copy into a message</label><textarea id="answers-text" rows="10" readonly></textarea></div>
</section>
</main>
<noscript><p class="notice">This questionnaire needs JavaScript, which this browser has turned off for the page. Open it in another browser, or ask for the answers file to fill in instead (pm-diag template).</p></noscript>
<script type="application/json" id="pm-diag-data">${scriptJson(data)}</script>
<script>${QUESTIONNAIRE_SCRIPT}</script>`;
  return page(`${bank.title}: questionnaire`, body, { csp: questionnaireCsp(), style: QUESTIONNAIRE_STYLE });
}
