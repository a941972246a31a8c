import { UsageError } from '../errors.js';

export type ReportFormat = 'terminal' | 'markdown' | 'json' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['terminal', 'markdown', 'json', 'html'];

const EXTENSION_FORMATS: Record<string, ReportFormat> = { md: 'markdown', markdown: 'markdown', json: 'json', txt: 'terminal', html: 'html', htm: 'html' };

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option}: found "${value}", expected one of ${allowed.join(', ')}`);
}

/** `--format`, else inferred from the extension of `--out`, else `fallback`. */
export function resolveFormat<T extends string>(format: string | undefined, out: string | undefined, allowed: readonly T[], fallback: T, byExtension: Record<string, T> = EXTENSION_FORMATS as Record<string, T>): T {
  if (format !== undefined) return oneOf('--format', format, allowed);
  const extension = out?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const inferred = extension ? byExtension[extension] : undefined;
  return inferred && allowed.includes(inferred) ? inferred : fallback;
}

function number(option: string, value: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${option}: found "${value}", expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}

export const parseTarget = (v?: string) => number('--target', v, 1, 5, false);
export const parseTop = (v?: string) => number('--top', v, 0, 1000, true);
export const parseFailUnder = (v?: string) => number('--fail-under', v, 0, 100, false);

/** Colour only for a terminal report on a terminal, unless the environment or `--no-color` says otherwise. */
export function colorWanted(flag: boolean | undefined, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
