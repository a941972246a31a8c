/// <reference lib="dom" />
import { collectInputs, inputKind, type InputCache, type InputFile, type InputsCollected } from '../answers/inputs.js';
import { mayBeOwnOutput, ownOutputOf } from '../export/own-outputs.js';
import { rememberBankHash } from '../bank/hash.js';
import type { Bank, Form } from '../bank/schema.js';
import { andThen, checked, errorsOf, formatProblem, warningsOf, type Problem } from '../errors.js';
import { renderReportHtml } from '../render/report-html.js';
import { renderReportJson } from '../render/report-json.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import { diagnose } from '../score/diagnose.js';
import type { Diagnosis } from '../score/model.js';
import { checkFormMapText, type FormMap } from '../answers/form-map.js';
import { decodeText } from '../source.js';
import type { KitData } from './page.js';
import { checkCharterText } from '../charter/load.js';
import type { Charter } from '../charter/schema.js';
import { charterDraft, readReportForCharter, renderCharterFile } from '../charter/template.js';
import { looksLikeCharter, parseDocumentText } from '../document/document.js';
import { CharterEditor } from './charter-editor.js';
import { el } from './dom.js';

// The facilitator page's one script (scripts/build.mjs bundles it for the browser; kit/page.ts puts it
// in the page, allowed by its hash). Files dropped or picked are read here, in memory, by the same
// code `pm-diag report` runs: the answers loader and export readers, the team selection, the scoring
// and the renderers. Nothing is sent anywhere: the page's policy allows no connection at all.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const data = JSON.parse(byId('pm-diag-kit').textContent ?? '') as KitData;
const bank: Bank = data.bank;
if (data.hash) rememberBankHash(bank, data.hash);

const picker = byId<HTMLInputElement>('kit-add');
const fileList = byId<HTMLUListElement>('kit-files');
const statusLine = byId<HTMLParagraphElement>('kit-status');
const teamBox = byId<HTMLDivElement>('kit-team');
const report = byId<HTMLElement>('kit-report');
const controls = {
  stage: byId<HTMLSelectElement>('kit-stage'),
  form: byId<HTMLSelectElement>('kit-form'),
  organization: byId<HTMLSelectElement>('kit-organization'),
  target: byId<HTMLInputElement>('kit-target'),
  top: byId<HTMLInputElement>('kit-top'),
  latest: byId<HTMLInputElement>('kit-latest'),
};
const optionProblem = byId<HTMLParagraphElement>('kit-option-problem');
const editor = new CharterEditor({
  section: byId('kit-decide'),
  organization: byId('kit-decided-by'),
  decided: byId('kit-decided-on'),
  decisions: byId('kit-decisions'),
  actions: byId('kit-plan'),
});
const charterProblem = byId<HTMLDivElement>('kit-charter-problem');
const actions = ['kit-download-html', 'kit-download-markdown', 'kit-download-json', 'kit-print'].map((id) =>
  byId<HTMLButtonElement>(id),
);

/** Every file given so far, by name: a file given again under the same name replaces the first. */
const files = new Map<string, InputFile>();
/** Each file is read once; a change of option only chooses the team again. A new map reads them again. */
let cache: InputCache = new WeakMap();
/** `--map`: the form map in use, if any. */
let formMap: FormMap | undefined;
/** `--charter`: the charter in use, if any. */
let charter: Charter | undefined;
let current: { diagnosis: Diagnosis; top: number; html: string } | undefined;
/** Each change starts a new run; a run that a later one overtook shows nothing. */
let run = 0;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the last addition replaced, said once with the next status. */
let replaced: string[] = [];
/** What the last addition left unread, and why (as `report` skips it): said once with the next status. */
let notRead: string[] = [];

/** Whether a file given with the answers is a charter (`charter:` names its bank): read as `--charter`. */
function isCharterFile(name: string, bytes: Uint8Array): boolean {
  if (inputKind(name) !== 'answers') return false;
  const doc = checked(() =>
    parseDocumentText({ source: name, text: decodeText(bytes, name) }, { allowAliases: false }),
  );
  return doc.value !== undefined && looksLikeCharter(doc.value.data);
}

async function addFiles(list: Iterable<File>, inFolders: string[] = []): Promise<void> {
  // Busy from the moment files are given: reading them takes a while, and the report shown is the old one.
  report.setAttribute('aria-busy', 'true');
  replaced = [];
  notRead = inFolders.map((name) => `${name}: a form export in a folder is not read; add it as a file of its own`);
  let givenCharter: { name: string; bytes: Uint8Array } | undefined;
  for (const file of list) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const own = mayBeOwnOutput(file.name) ? ownOutputOf(new TextDecoder().decode(bytes.subarray(0, 2048))) : undefined;
    if (own !== undefined) {
      notRead.push(`${file.name}: ${own}, not answers`);
      continue;
    }
    if (isCharterFile(file.name, bytes)) {
      givenCharter = { name: file.name, bytes };
      continue;
    }
    if (files.has(file.name)) replaced.push(file.name);
    files.set(file.name, { name: file.name, bytes, modified: file.lastModified });
  }
  if (givenCharter) return setCharter(givenCharter);
  await refresh();
}

/**
 * The files of a dropped folder that `report FOLDER` reads: its answers files, not its sub-folders; its form
 * exports are named in `skipped`, as `report` names them.
 */
function folderFiles(entry: FileSystemDirectoryEntry, skipped: string[]): Promise<File[]> {
  const reader = entry.createReader();
  const entries: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length > 0) {
          entries.push(...batch);
          next();
          return;
        }
        const wanted = entries.filter((e): e is FileSystemFileEntry => e.isFile && inputKind(e.name) === 'answers');
        for (const e of entries) if (e.isFile && inputKind(e.name) === 'export') skipped.push(e.name);
        Promise.all(wanted.map((e) => new Promise<File>((ok, fail) => e.file(ok, fail)))).then(resolve, reject);
      }, reject);
    next();
  });
}

async function dropped(transfer: DataTransfer): Promise<void> {
  const list: File[] = [];
  const folders: Promise<File[]>[] = [];
  const skipped: string[] = [];
  for (const item of Array.from(transfer.items)) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry?.isDirectory) folders.push(folderFiles(entry as FileSystemDirectoryEntry, skipped));
    else {
      const file = item.getAsFile();
      if (file) list.push(file);
    }
  }
  if (transfer.items.length === 0) list.push(...Array.from(transfer.files));
  for (const found of await Promise.all(folders)) list.push(...found);
  await addFiles(list, skipped);
}

interface Settings {
  stage?: string;
  form?: Form;
  organization?: string;
  target?: number;
  top: number;
  latest: boolean;
}

/** The controls as the CLI's options, or what is wrong with one of them. */
function settings(): Settings | string {
  const target = controls.target.value.trim();
  const top = controls.top.value.trim();
  const targetValue = Number(target);
  if (target !== '' && !(Number.isFinite(targetValue) && targetValue >= 1 && targetValue <= 5)) {
    return `Target level: found "${target}", expected a number from 1 to 5, or empty for the bank's`;
  }
  const topValue = top === '' ? 10 : Number(top);
  if (!(Number.isInteger(topValue) && topValue >= 0 && topValue <= 1000))
    return `Top gaps: found "${top}", expected a whole number from 0 to 1000`;
  return {
    stage: controls.stage.value || undefined,
    form: (controls.form.value || undefined) as Form | undefined,
    organization: controls.organization.value || undefined,
    target: target === '' ? undefined : targetValue,
    top: topValue,
    latest: controls.latest.checked,
  };
}

function problemList(problems: readonly Problem[]): HTMLElement {
  return el(
    'ul',
    { class: 'problems' },
    problems.map((p) => el('li', { class: p.severity }, [formatProblem(p)])),
  );
}

function showFiles(collected: InputsCollected): void {
  fileList.replaceChildren(
    ...collected.files.map((file, i) => {
      const errors = errorsOf(file.problems);
      const names = file.respondents.map((r) => r.name ?? r.source);
      const summary =
        errors.length > 0
          ? `not read: ${plural(errors.length, 'problem')}`
          : names.length === 0
            ? 'no respondents'
            : `${plural(names.length, 'respondent')}: ${names.join(', ')}`;
      const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${file.name}` }, ['Remove']);
      remove.addEventListener('click', async () => {
        files.delete(file.name);
        await refresh();
        // Focus stays where it was: on the next file's button, else the last one's, else the file input.
        const rest = fileList.querySelectorAll<HTMLButtonElement>('button.remove');
        (rest[Math.min(i, rest.length - 1)] ?? picker).focus();
      });
      return el('li', { class: errors.length > 0 ? 'file bad' : 'file' }, [
        el('p', {}, [el('strong', {}, [file.name]), ` · ${summary} `, remove]),
        ...(file.problems.length > 0 ? [problemList(errors.length > 0 ? errors : warningsOf(file.problems))] : []),
      ]);
    }),
  );
}

/** The organization control lists every organization the readable files name. */
function showOrganizations(collected: InputsCollected): void {
  const names = new Map<string, string>();
  for (const file of collected.files)
    for (const r of file.respondents)
      if (r.organization) names.set(r.organization.trim().replace(/\s+/g, ' ').toLowerCase(), r.organization);
  const chosen = controls.organization.value;
  const options = [['', 'All the answers'], ...[...names.values()].sort().map((n) => [n, n])];
  controls.organization.replaceChildren(...options.map(([value, label]) => el('option', { value: value! }, [label!])));
  controls.organization.value = options.some(([value]) => value === chosen) ? chosen : '';
}

/** The charter the report suggests, as `template --format charter --from` the report's JSON makes it. */
function suggestedCharter(diagnosis: Diagnosis, top: number) {
  const json = { source: 'report.json', text: renderReportJson(diagnosis, { top }) };
  const suggested = readReportForCharter(parseDocumentText(json, { allowAliases: false }), bank);
  return charterDraft(suggested, bank, diagnosis.date);
}

function setReport(content: Node[], ready: boolean): void {
  report.replaceChildren(...content);
  editor.show(ready && current ? suggestedCharter(current.diagnosis, current.top) : undefined);
  report.setAttribute('aria-busy', 'false');
  for (const button of actions) button.disabled = !ready;
}

const note = (text: string) => el('p', { class: 'empty' }, [text]);

/** The report's page as the CLI writes it, shown in this one: its header, navigation and sections. */
function reportNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const nodes: Node[] = [];
  for (const child of Array.from(doc.body.childNodes)) {
    // This page's <main> already holds the report: its own main's content goes in as it is.
    if (child.nodeName === 'MAIN') nodes.push(...Array.from(child.childNodes).map((n) => document.adoptNode(n)));
    else nodes.push(document.adoptNode(child));
  }
  return nodes;
}

async function refresh(): Promise<void> {
  const mine = ++run;
  // Busy until this run shows its result: a reader (or a test) knows when the report is the options'.
  report.setAttribute('aria-busy', 'true');
  const chosen = settings();
  optionProblem.textContent = typeof chosen === 'string' ? chosen : '';
  optionProblem.hidden = typeof chosen !== 'string';
  const team = typeof chosen === 'string' ? {} : { organization: chosen.organization, latest: chosen.latest };
  const collected = await collectInputs(
    [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    bank,
    { team, cache, map: formMap },
  );
  if (mine !== run) return;
  showFiles(collected);
  showOrganizations(collected);
  const bad = collected.files.filter((f) => errorsOf(f.problems).length > 0).length;
  const teamErrors = errorsOf(collected.teamProblems);
  teamBox.replaceChildren(
    ...(collected.teamProblems.length > 0
      ? [
          el('h3', {}, [teamErrors.length > 0 ? 'Before the report' : 'Notes on the answers']),
          problemList(collected.teamProblems),
        ]
      : []),
  );
  current = undefined;
  const unread = bad > 0 ? `; ${plural(bad, 'file')} not read (see below)` : '';
  const respondents = plural(collected.respondents.length, 'respondent');
  const counts = `${plural(collected.files.length, 'file')}, ${respondents}`;
  const again = replaced.length > 0 ? ` (${replaced.join(', ')}: replaced by the file of the same name)` : '';
  const skipped = notRead.length > 0 ? ` (not read: ${notRead.join('; ')})` : '';
  replaced = [];
  notRead = [];
  const readFiles = `${counts}${again}${skipped}${unread}`;
  if (files.size === 0) {
    statusLine.textContent = 'No answers yet.';
    return setReport([note('The report appears here once answers are added.')], false);
  }
  if (typeof chosen === 'string') {
    statusLine.textContent = `${readFiles}. A report option needs a change.`;
    return setReport([note(chosen)], false);
  }
  if (teamErrors.length > 0 || collected.respondents.length === 0) {
    const why = teamErrors.length > 0 ? 'see "Before the report"' : 'no file could be read';
    statusLine.textContent = `${readFiles}. No report yet: ${why}.`;
    return setReport([note('The report appears here once the answers make one team.')], false);
  }
  try {
    const diagnosis = diagnose(bank, collected.respondents, {
      target: chosen.target,
      stage: chosen.stage,
      form: chosen.form,
      charter,
    });
    const html = renderReportHtml(diagnosis, { top: chosen.top });
    current = { diagnosis, top: chosen.top, html };
    const notices = diagnosis.notices.map((n) => el('li', { class: 'warning' }, [`warning: ${n}`]));
    if (notices.length > 0)
      teamBox.append(el('h3', {}, ['Notes on the report']), el('ul', { class: 'problems' }, notices));
    statusLine.textContent = `${readFiles}. The report is below.`;
    setReport(reportNodes(html), true);
  } catch (err) {
    statusLine.textContent = `${readFiles}. No report: ${(err as Error).message}`;
    setReport([note((err as Error).message)], false);
  }
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name }) as HTMLAnchorElement;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const fileStem = () => {
  const organization = current?.diagnosis.organization;
  const slug = (organization ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug ? `${slug}-` : ''}report-${current?.diagnosis.date ?? ''}`;
};

byId('kit-download-html').addEventListener(
  'click',
  () => current && download(`${fileStem()}.html`, 'text/html', current.html),
);
byId('kit-download-markdown').addEventListener(
  'click',
  () =>
    current &&
    download(`${fileStem()}.md`, 'text/markdown', renderReportMarkdown(current.diagnosis, { top: current.top })),
);
byId('kit-download-json').addEventListener(
  'click',
  () =>
    current &&
    download(`${fileStem()}.json`, 'application/json', renderReportJson(current.diagnosis, { top: current.top })),
);
byId('kit-print').addEventListener('click', () => window.print());

/** "Download charter": the file `template --format charter` would write for the same decisions, checked as `--charter` reads it. */
byId('kit-download-charter').addEventListener('click', () => {
  const text = renderCharterFile(editor.draft(), bank);
  const problems = errorsOf(checkCharterText({ source: 'charter.yaml', text }, bank).problems);
  charterProblem.hidden = problems.length === 0;
  charterProblem.replaceChildren(
    ...(problems.length === 0
      ? []
      : [
          el('p', {}, ['The charter needs a change before it is saved:']),
          el(
            'ul',
            { class: 'problems' },
            problems.map((p) => {
              const place = editor.placeOf(p.path);
              return el('li', { class: 'error' }, [`${place ? `${place}: ` : ''}${formatProblem(p)}`]);
            }),
          ),
        ]),
  );
  if (problems.length === 0) download('charter.yaml', 'application/yaml', text);
});

const mapPicker = byId<HTMLInputElement>('kit-map');
const mapStatus = byId<HTMLParagraphElement>('kit-map-status');
const charterPicker = byId<HTMLInputElement>('kit-charter');
const charterStatus = byId<HTMLParagraphElement>('kit-charter-status');

/** A setting read from a file (a form map, a charter): in use when good, its problems shown when not. */
function showSettingFile(
  status: HTMLElement,
  what: string,
  file: { name: string } | undefined,
  problems: readonly Problem[],
  inUse: boolean,
  remove: () => Promise<void>,
): void {
  status.hidden = file === undefined;
  status.replaceChildren();
  if (file === undefined) return;
  const clear = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove the ${what} ${file.name}` }, [
    'Remove',
  ]);
  clear.addEventListener('click', () => void remove());
  status.append(inUse ? `In use: ${file.name} ` : `Not in use: ${file.name} has problems `, clear);
  if (problems.length > 0) status.append(problemList(problems));
}

/** Reads a form map as `--map FILE` reads it. */
async function setMap(file: File | undefined): Promise<void> {
  formMap = undefined;
  cache = new WeakMap();
  let problems: Problem[] = [];
  if (file !== undefined) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const input = checked(() => ({ source: file.name, text: decodeText(bytes, file.name) }));
    const result = andThen(input, (text) => checkFormMapText(text, bank));
    formMap = result.value;
    problems = formMap ? [] : result.problems;
  }
  showSettingFile(mapStatus, 'form map', file, problems, formMap !== undefined, async () => {
    await setMap(undefined);
    mapPicker.focus();
  });
  await refresh();
}

/** Reads a charter as `--charter FILE` reads it (its warnings shown too); the room's edits start again. */
async function setCharter(file: { name: string; bytes: Uint8Array } | undefined): Promise<void> {
  charter = undefined;
  editor.reset();
  let problems: Problem[] = [];
  if (file !== undefined) {
    const input = checked(() => ({ source: file.name, text: decodeText(file.bytes, file.name) }));
    const result = andThen(input, (text) => checkCharterText(text, bank));
    charter = result.value;
    problems = result.problems;
  }
  showSettingFile(charterStatus, 'charter', file, problems, charter !== undefined, async () => {
    await setCharter(undefined);
    charterPicker.focus();
  });
  await refresh();
}

charterPicker.addEventListener('change', async () => {
  const chosen = charterPicker.files?.[0];
  charterPicker.value = '';
  if (chosen) await setCharter({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
});

mapPicker.addEventListener('change', () => {
  const chosen = mapPicker.files?.[0];
  mapPicker.value = '';
  if (chosen) void setMap(chosen);
});

picker.addEventListener('change', () => {
  const chosen = Array.from(picker.files ?? []);
  picker.value = '';
  void addFiles(chosen);
});
for (const control of Object.values(controls)) control.addEventListener('change', () => void refresh());

// A file dropped anywhere is read here; the browser must not open it in place of the page.
const zone = byId('kit-drop');
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  zone.classList.add('over');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) zone.classList.remove('over');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  if (event.dataTransfer) void dropped(event.dataTransfer);
});
