import { UsageError } from '../errors.js';
import { safeLine } from '../text.js';

// The one registry of output formats: their names, the file extensions that imply them, and which
// formats each kind of output offers. The CLI's choices, `--out` inference and the renderers'
// dispatch all read it.

export const FORMATS = {
  terminal: { extensions: ['txt'] },
  markdown: { extensions: ['md', 'markdown'] },
  json: { extensions: ['json'] },
  html: { extensions: ['html', 'htm'] },
  yaml: { extensions: ['yaml', 'yml'] },
  csv: { extensions: ['csv'] },
  ndjson: { extensions: ['ndjson', 'jsonl'] },
  parquet: { extensions: ['parquet'] },
  // Markdown for a facilitator: how to build the questionnaire in a form tool (never inferred from --out).
  'form-guide': { extensions: [] },
  // A charter file to fill in, from a JSON report (never inferred from --out: a .yaml is an answers file).
  charter: { extensions: [] },
} as const satisfies Record<string, { extensions: readonly string[] }>;

export type Format = keyof typeof FORMATS;

/** What each command's output can be written as; the first is the default. */
export const OUTPUT_FORMATS = {
  // csv: the action plan and the role charter, for a team's wiki or tracker.
  report: ['terminal', 'markdown', 'json', 'html', 'csv'],
  comparison: ['terminal', 'markdown', 'json', 'html'],
  roles: ['terminal', 'markdown', 'html'],
  template: ['yaml', 'csv', 'form-guide', 'charter'],
  profile: ['terminal', 'markdown', 'json', 'html'],
  interview: ['terminal', 'markdown'],
  export: ['csv', 'ndjson', 'parquet'],
  form: ['html'],
} as const satisfies Record<string, readonly Format[]>;

export type OutputKind = keyof typeof OUTPUT_FORMATS;
export type ReportFormat = (typeof OUTPUT_FORMATS.report)[number];
export type ComparisonFormat = (typeof OUTPUT_FORMATS.comparison)[number];

/** A file name's extension (letters only, lower-cased), when it has one. */
export function extensionOf(path: string): string | undefined {
  return path.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
}

export function formatOfPath(path: string): Format | undefined {
  const extension = extensionOf(path);
  if (extension === undefined) return undefined;
  for (const [format, { extensions }] of Object.entries(FORMATS))
    if ((extensions as readonly string[]).includes(extension)) return format as Format;
  return undefined;
}

/** `--format`, else the format `--out`'s extension names, else the output's default. */
export function resolveFormat<K extends OutputKind>(
  kind: K,
  format: string | undefined,
  out: string | undefined,
): (typeof OUTPUT_FORMATS)[K][number] {
  const allowed: readonly string[] = OUTPUT_FORMATS[kind];
  type Allowed = (typeof OUTPUT_FORMATS)[K][number];
  if (format !== undefined) {
    if (allowed.includes(format)) return format as Allowed;
    throw new UsageError(`--format: found "${format}", expected one of ${allowed.join(', ')}`);
  }
  const inferred = out === undefined || out === '-' ? undefined : formatOfPath(out);
  const expected = `expected a file ending in ${allowed.flatMap((f) => FORMATS[f as Format].extensions.map((e) => `.${e}`)).join(', ')}, or --format ${allowed.join('|')}`;
  if (inferred === undefined) {
    // A report saved as .pdf or .docx would hold terminal text under a name that promises otherwise.
    const extension = out === undefined || out === '-' ? undefined : extensionOf(out);
    if (extension === undefined) return allowed[0] as Allowed;
    throw new UsageError(`--out: pm-diag does not write ".${safeLine(extension)}" files; ${expected}`);
  }
  if (allowed.includes(inferred)) return inferred as Allowed;
  throw new UsageError(
    `--out: the extension names the ${inferred} format, which this command does not write; ${expected}`,
  );
}
