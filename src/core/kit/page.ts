import { bankHash } from '../bank/hash.js';
import type { Bank } from '../bank/schema.js';
import { FORMS } from '../bank/schema.js';
import { stageIds } from '../answers/scope.js';
import { page } from '../render/html/page.js';
import { scriptHashSource, scriptJson } from '../render/questionnaire/page.js';
import { esc } from '../render/svg/markup.js';
import { STYLE } from '../render/svg/style.js';
import { KIT_STYLE } from './style.js';

// `pm-diag kit`: the facilitator page. One offline HTML file holding the bank as JSON and one
// script (page-script.ts, bundled for the browser by the build) that reads dropped answers files and
// form exports and shows the report, computed in the page by the code `pm-diag report` runs. The CSP
// lets that script run by its hash and nothing else load or connect: no request leaves the page.

/** What the page's script reads from its data block. */
export interface KitData {
  bank: Bank;
  /** The bank's hash, so the page need not work it out again (answers files carry it). */
  hash: string;
}

const kitCsp = (script: string): string =>
  `default-src 'none'; script-src ${scriptHashSource(script)}; style-src 'unsafe-inline'; img-src data:; ` +
  "connect-src 'none'; base-uri 'none'; form-action 'none'";

const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;

function optionsHtml(bank: Bank): string {
  const stages = stageIds(bank);
  // A bank without stages has nothing to choose: the control is there (the script reads it), hidden.
  const stage = `<div class="control"${stages.length === 0 ? ' hidden' : ''}>
<label for="kit-stage">Stage <span class="flag">--stage</span></label>
<select id="kit-stage">${option('', 'From the answers')}
${stages.map((s) => option(s, `${bank.stages![s]!.title} (${s})`)).join('')}</select></div>`;
  return `<fieldset id="kit-options"><legend>Report options</legend>
<div class="controls">
${stage}
<div class="control"><label for="kit-form">Form <span class="flag">--form</span></label>
<select id="kit-form">${option('', 'From the answers')}
${FORMS.map((f) => option(f, f)).join('')}</select></div>
<div class="control">
<label for="kit-organization">Organization <span class="flag">--organization</span></label>
<select id="kit-organization">${option('', 'All the answers')}</select></div>
<div class="control"><label for="kit-target">Target level <span class="flag">--target</span></label>
<input type="number" id="kit-target" min="1" max="5" step="0.5" placeholder="the bank's"
 aria-describedby="kit-target-hint">
<span class="hint" id="kit-target-hint">1 to 5; empty: the stage's, else the bank's</span></div>
<div class="control"><label for="kit-top">Top gaps <span class="flag">--top</span></label>
<input type="number" id="kit-top" min="0" max="1000" step="1" value="10"></div>
</div>
<div class="control map">
<label for="kit-map">Form map <span class="flag">--map</span></label>
<input type="file" id="kit-map" accept=".yaml,.yml,.json" aria-describedby="kit-map-hint">
<span class="hint" id="kit-map-hint">Only for a form export whose headers carry no [id.field] tag: a YAML file
naming its headers and labels.</span>
<p id="kit-map-status" class="map-status" hidden></p>
</div>
<div class="control map">
<label for="kit-charter">Charter <span class="flag">--charter</span></label>
<input type="file" id="kit-charter" accept=".yaml,.yml,.json" aria-describedby="kit-charter-hint">
<span class="hint" id="kit-charter-hint">The charter.yaml the room saved at an earlier meeting: each item is then
measured against the owner it decided. A charter added with the answers is used too.</span>
<p id="kit-charter-status" class="map-status" hidden></p>
</div>
<div class="check"><input type="checkbox" id="kit-latest">
<label for="kit-latest">Keep each person's most recent answers
<span class="flag">--latest</span></label></div>
<p class="error" id="kit-option-problem" role="alert" hidden></p>
</fieldset>`;
}

/** Where the room edits its role charter and action plan (charter-editor.ts fills the rows), and saves them. */
const decideHtml = () => `<section id="kit-decide" class="decide" aria-labelledby="kit-decide-h" hidden>
<h2 id="kit-decide-h">What the room decided</h2>
<p class="intro">The role charter and action plan the report suggests, to change as the room decides: each
responsibility's accountable owner and contributors, each action's next step, owner, due date and status. Untick
"In the charter" for a row the room did not decide. "Download charter" saves charter.yaml, the file
<span class="flag">pm-diag report --charter</span> and this page read at the next assessment.</p>
<div class="controls">
<div class="control"><label for="kit-decided-by">Who decided (organization)</label>
<input type="text" id="kit-decided-by" autocomplete="organization"></div>
<div class="control"><label for="kit-decided-on">Decided on</label>
<input type="date" id="kit-decided-on" required></div>
</div>
<h3 id="kit-decisions-h">Role charter</h3>
<div id="kit-decisions" class="rows" role="group" aria-labelledby="kit-decisions-h"></div>
<h3 id="kit-plan-h">Action plan</h3>
<div id="kit-plan" class="rows" role="group" aria-labelledby="kit-plan-h"></div>
<div class="actions"><button type="button" id="kit-download-charter">Download charter</button></div>
<div id="kit-charter-problem" class="error" role="alert" hidden></div>
</section>`;

/** The facilitator page for a bank, with the page's script (the build's bundle, or a test's). */
export function renderFacilitatorPage(bank: Bank, script: string): string {
  if (/<\/script|<!--/i.test(script))
    throw new Error("pm-diag: the facilitator page's script would end its own <script> element");
  const data: KitData = { bank, hash: bankHash(bank) };
  const body = `<section class="kit" aria-labelledby="kit-h">
<h1 id="kit-h">Facilitator page
<span class="sub">${esc(bank.title)} (${esc(bank.id)} v${bank.version})</span></h1>
<p class="intro">Add the answers your team sent back: the files the questionnaire saved (YAML or JSON)
and your form tool's export (CSV or XLSX). The report appears below, computed in this page: nothing you
add leaves it.</p>
<div class="drop" id="kit-drop">
<label for="kit-add">Add answers</label>
<input type="file" id="kit-add" multiple accept=".yaml,.yml,.json,.csv,.xlsx"
 aria-describedby="kit-drop-hint">
<p class="hint" id="kit-drop-hint">Or drop files, or a folder of answers files, anywhere on this page.</p>
</div>
<h2 id="kit-files-h">Answers</h2>
<p id="kit-status" role="status">No answers yet.</p>
<ul id="kit-files" class="files" aria-labelledby="kit-files-h"></ul>
<div id="kit-team"></div>
${optionsHtml(bank)}
<div class="actions">
<button type="button" id="kit-download-html" disabled>Download report (HTML)</button>
<button type="button" id="kit-download-markdown" disabled>Download report (markdown)</button>
<button type="button" id="kit-download-json" disabled>Download report (JSON)</button>
<button type="button" id="kit-print" disabled>Print</button>
</div>
${decideHtml()}
</section>
<main id="kit-report" aria-label="Report" aria-busy="false">
<p class="empty">The report appears here once answers are added.</p>
</main>
<noscript><p class="notice">This page needs JavaScript, which this browser has turned off for it.
Open it in another browser, or run pm-diag report on the answers files.</p></noscript>
<script type="application/json" id="pm-diag-kit">${scriptJson(data)}</script>
<script>${script}</script>`;
  return page(`${bank.title}: facilitator`, body, { csp: kitCsp(script), style: STYLE + KIT_STYLE });
}
