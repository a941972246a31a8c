import { FORMS, type Form } from '../core/bank/schema.js';
import { UsageError } from '../core/errors.js';
import { safeLine } from '../core/text.js';
import type { ReportSettings } from '../app/pipeline.js';
import { colorWanted } from '../io/terminal.js';
import { terminalWidth } from '../io/terminal.js';
import { resolveFormat } from '../core/render/formats.js';

// Options as commander gives them (strings), checked and turned into settings before any input is read.


function number(option: string, value: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${option}: found "${value}", expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}

export const parseTarget = (v?: string) => number('--target', v, 1, 5, false);

/** `--form`: rapid or full. */
export function parseForm(value: string | undefined): Form | undefined {
  if (value === undefined || (FORMS as readonly string[]).includes(value)) return value as Form | undefined;
  throw new UsageError(`--form: found "${safeLine(value)}", expected ${FORMS.join(' or ')}`);
}
export const parseTop = (v?: string) => number('--top', v, 0, 1000, true);
export const parseFailUnder = (v?: string) => number('--fail-under', v, 0, 100, false);

/** The report options shared by `assess`, `report` and the interactive flow, as commander gives them. */
export interface ReportCliOptions {
  bank?: string;
  format?: string;
  out?: string;
  target?: string;
  top?: string;
  failUnder?: string;
  strict?: boolean;
  color?: boolean;
  stage?: string;
  form?: string;
}

/** Checks every report option before any input is read, so a typo costs nothing. */
export function reportSettings(opts: ReportCliOptions): ReportSettings {
  const format = resolveFormat('report', opts.format, opts.out);
  return {
    format,
    out: opts.out,
    target: parseTarget(opts.target),
    stage: opts.stage,
    form: parseForm(opts.form),
    top: parseTop(opts.top) ?? 10,
    failUnder: parseFailUnder(opts.failUnder),
    strict: opts.strict === true,
    color: format === 'terminal' && !opts.out && colorWanted(opts.color),
    // A file is not a terminal: it gets the 80 columns a pipe gets.
    width: format === 'terminal' && (!opts.out || opts.out === '-') ? terminalWidth() : undefined,
  };
}
