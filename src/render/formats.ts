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
} as const satisfies Record<string, { extensions: readonly string[] }>;

export type Format = keyof typeof FORMATS;

/** What each command's output can be written as; the first is the default. */
export const OUTPUT_FORMATS = {
  // csv: the action plan and the role charter, for a team's wiki or tracker.
  report: ['terminal', 'markdown', 'json', 'html', 'csv'],
  comparison: ['terminal', 'markdown', 'json', 'html'],
  roles: ['terminal', 'markdown', 'html'],
  template: ['yaml', 'csv', 'form-guide'],
  profile: ['terminal', 'markdown', 'json', 'html'],
  interview: ['terminal', 'markdown'],
  export: ['csv', 'ndjson', 'parquet'],
  form: ['html'],
} as const satisfies Record<string, readonly Format[]>;

export type OutputKind = keyof typeof OUTPUT_FORMATS;
export type ReportFormat = (typeof OUTPUT_FORMATS.report)[number];
export type ComparisonFormat = (typeof OUTPUT_FORMATS.comparison)[number];

/** The format a file name's extension names, if any. */
/** A file name's extension (letters only, lower-cased), when it has one. */
export function extensionOf(path: string): string | undefined {
  return path.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
}

export function formatOfPath(path: string): Format | undefined {
  const extension = extensionOf(path);
  if (extension === undefined) return undefined;
  for (const [format, { extensions }] of Object.entries(FORMATS)) if ((extensions as readonly string[]).includes(extension)) return format as Format;
  return undefined;
}
