import { FORMS, type Bank, type Form } from '../core/bank/schema.js';
import { stageOptionProblem } from '../core/answers/scope.js';
import { UsageError } from '../core/errors.js';
import { safeLine } from '../core/text.js';
import type { ReportSettings } from '../app/pipeline.js';
import { colorWanted } from '../io/terminal.js';
import { terminalWidth } from '../io/terminal.js';
import { resolveFormat } from '../core/render/formats.js';

// Options as commander gives them (strings), checked and turned into settings before any input is read.

/** Plain decimal digits only: `Number()` would also read `0x10` as 16, `1e3` as 1000 and `0b1` as 1. */
const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** `value` as a number from `min` to `max` (whole, or not); `eg` shows how to write one. */
function number(
  option: string,
  value: string | undefined,
  min: number,
  max: number,
  whole: boolean,
  eg: string,
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const n = Number(text);
  const plain = (whole ? WHOLE : DECIMAL).test(text);
  if (plain && n >= min && n <= max) return n;
  const range = max === Infinity ? `, ${min} or more` : ` from ${min} to ${max}`;
  const written = plain ? '' : `, in plain decimal digits (such as ${eg})`;
  const kind = whole ? 'a whole number' : 'a number';
  throw new UsageError(`${option}: found "${safeLine(value)}", expected ${kind}${range}${written}`);
}

/** `--stage`, checked against the bank's stages once the bank is loaded: a usage error lists them. */
export function checkStage(bank: Bank, stage: string | undefined): string | undefined {
  const problem = stageOptionProblem(bank, stage);
  if (problem !== undefined) throw new UsageError(problem);
  return stage;
}

export const parseTarget = (v?: string) => number('--target', v, 1, 5, false, '3.5');

/** `--form`: rapid or full. */
export function parseForm(value: string | undefined): Form | undefined {
  if (value === undefined || (FORMS as readonly string[]).includes(value)) return value as Form | undefined;
  throw new UsageError(`--form: found "${safeLine(value)}", expected ${FORMS.join(' or ')}`);
}
/** Any number of gaps: more than there are lists them all. */
export const parseTop = (v?: string) => number('--top', v, 0, Infinity, true, '10');
export const parseFailUnder = (v?: string) => number('--fail-under', v, 0, 100, false, '50');

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
  charter?: string;
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
    charter: opts.charter,
    color: format === 'terminal' && !opts.out && colorWanted(opts.color),
    // A file is not a terminal: it gets the 80 columns a pipe gets.
    width: format === 'terminal' && (!opts.out || opts.out === '-') ? terminalWidth() : undefined,
  };
}
