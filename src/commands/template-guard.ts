import { statSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { backupFile } from '../io/backup.js';
import { say } from '../io/output.js';
import { readFileText } from '../io/read.js';
import { parseDocumentText } from '../core/document/document.js';
import { safeLine } from '../core/text.js';

// `template --out FILE` over a file someone has been filling in would replace their answers with a
// blank form. Only a blank template (or an empty file) is replaced without --force.

/** Keys a blank template fills in itself. */
const TEMPLATE_KEYS = new Set(['bank', 'bank-version', 'bank-hash', 'form', '$schema']);

/** An `answers:` key (YAML or JSON) at the start of a line. */
const ANSWERS_KEY = /^\s*["']?answers["']?\s*:/m;

/** Whether a parsed document holds any value a person wrote: a non-empty leaf outside what the template itself fills in. */
function holdsValues(data: unknown): boolean {
  // A stack, not recursion: nesting depth is the file's to choose.
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (!TEMPLATE_KEYS.has(key) || value !== data) stack.push(v);
    } else {
      return true;
    }
  }
  return false;
}

/** Whether the file at `path` holds answers: a mapping with any value filled in, a CSV with rows, or a broken file with an `answers:` key. */
function holdsAnswers(path: string, format: 'yaml' | 'csv'): boolean {
  let input;
  try {
    input = readFileText(path, { input: false });
  } catch {
    return true; // Too large or not UTF-8: nothing tells it is blank, so it is kept.
  }
  if (input.text.trim() === '') return false;
  if (format === 'csv') return input.text.split(/\r?\n/).filter((line) => line.trim() !== '').length > 1;
  let data: unknown;
  try {
    data = parseDocumentText(input, { allowAliases: false }).data;
  } catch {
    return ANSWERS_KEY.test(input.text); // A half-edited answers file may not parse: it is still someone's work.
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) && holdsValues(data);
}

/**
 * Refuses to replace a file that holds answers unless `force`; with `force`, keeps a copy first as
 * `FILE.bak-<timestamp>`. A FIFO, a device or a file not there yet is written as usual.
 */
export function guardTemplateOut(out: string | undefined, format: 'yaml' | 'csv', force: boolean): void {
  if (out === undefined || out === '-') return;
  let regular: boolean;
  try {
    regular = statSync(out).isFile();
  } catch {
    return;
  }
  if (!regular || !holdsAnswers(out, format)) return;
  if (!force) {
    throw new InputError([
      {
        source: safeLine(out),
        message: 'the file holds answers, so it was left as it was',
        expected: 'another --out file, or --force to replace it (the old one is then kept as a backup)',
        severity: 'error',
      },
    ]);
  }
  say(`pm-diag: ${safeLine(out)} held answers: kept as ${safeLine(backupFile(out, 'copy'))}`);
}
