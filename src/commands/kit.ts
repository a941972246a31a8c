import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { renderFacilitatorPage } from '../core/kit/page.js';
import { builtKitScript } from '../io/kit-script.js';
import { safeLine } from '../core/text.js';
import { loadBank } from '../io/bank-files.js';
import { emit } from '../io/output.js';
import { questionnaireHtml } from './form.js';
import { parseForm } from './options.js';

export interface KitOptions {
  bank?: string;
  form?: string;
  stage?: string;
  organization?: string;
  out: string;
}

export const QUESTIONNAIRE_FILE = 'questionnaire.html';
export const FACILITATOR_FILE = 'facilitator.html';

/** `--out DIR`: a folder, made when it is not there yet; a file of that name is refused. */
function outFolder(dir: string): string {
  if (dir === '-' || dir.trim() === '')
    throw new UsageError('--out: the kit is two files: expected a folder to write them in, e.g. --out kit');
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(
      `--out: "${safeLine(dir)}" is a file; ` +
        `expected a folder (the kit writes ${QUESTIONNAIRE_FILE} and ${FACILITATOR_FILE} in it)`,
    );
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--out: the folder "${safeLine(dir)}" cannot be made${code ? ` (${code})` : ''}; ` +
        'expected a folder you can write in',
    );
  }
  return dir;
}

/** `pm-diag kit --out DIR`: the questionnaire to send, and the page that makes the report of the answers. */
export function run(opts: KitOptions): void {
  parseForm(opts.form);
  const script = builtKitScript();
  if (script === undefined) throw new Error("pm-diag: the facilitator page's script is not built (npm run build)");
  const bank = loadBank(opts.bank);
  const questionnaire = questionnaireHtml(bank, opts);
  const facilitator = renderFacilitatorPage(bank, script);
  const dir = outFolder(opts.out);
  emit(questionnaire, join(dir, QUESTIONNAIRE_FILE));
  emit(facilitator, join(dir, FACILITATOR_FILE));
}
